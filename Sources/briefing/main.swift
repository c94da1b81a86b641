import BriefingCLI
BriefingCommand.main()
