import ArgumentParser

public struct BriefingCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "briefing")
    public init() {}
}
