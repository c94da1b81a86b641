import BriefingCLI

BriefingCommand.runMain()
