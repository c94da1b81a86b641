import ArgumentParser
import Foundation

/// `briefing`: the root command. Subcommands do the work; this type only lists them.
public struct BriefingCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Build a daily news briefing where each story appears once, merged from all its coverage.",
        discussion: """
            Exit status: 0 success; 1 input errors (bad articles were skipped, the rest was published); \
            2 usage error; 3 another build of the same output folder is running; 4 build failed (nothing published, the previous site is untouched).
            """,
        subcommands: [BuildCommand.self, CheckCommand.self, EvalCommand.self, ExplainCommand.self, ServeCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    public init() {}

    /// Parses and runs, mapping usage errors to exit status 2 (ArgumentParser's default is 64).
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}

/// Documented exit statuses (also in `briefing --help` and the README).
public enum ExitStatus: Int32, Sendable {
    case success = 0
    case inputErrors = 1
    case usage = 2
    case locked = 3
    case buildFailed = 4
}
