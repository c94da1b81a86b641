import ArgumentParser
import BriefingCore
import Dispatch
import Foundation
import Preview
import Site

/// `briefing serve`: build, serve on loopback, rebuild on every change, reload open pages.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it locally, and rebuild and reload open pages on every change.",
        discussion: """
            Watches the content folder, the templates folder and the configuration. Pages served by \
            this command (only these, never the output of 'briefing build') carry a small script that \
            reloads them after a rebuild and shows build errors in an overlay. The site is built into \
            a private temporary folder, removed on exit, unless --output names another folder than \
            the default. Stop with Ctrl-C. Exit status: 0 after Ctrl-C; 1 when the server cannot start \
            (address in use, bad host).
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Address to listen on; loopback by default.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("Port to listen on (0 picks a free one).", valueName: "port"))
    var port: Int = 8080

    @Flag(name: .long, help: "After each build, also print each stage's time and the peak memory.")
    var verbose = false

    @Flag(name: .long, help: "Open the site in the default browser (xdg-open) once it is served.")
    var open = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty.") }
    }

    /// ArgumentParser runs commands synchronously here: the server runs in a task while the
    /// main thread services the main queue, and the task exits the process when done.
    func run() throws {
        let command = self
        Task {
            let status = await command.serve()
            Foundation.exit(status)
        }
        dispatchMain()
    }

    private func serve() async -> Int32 {
        // `--output` left at its default means "not given": serve from a private folder so
        // that `public/` (and a `briefing build` running on it) is left alone.
        var temporary: URL?
        var options = site.buildOptions
        if site.output == "public" {  // SiteOptions' default
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("briefing-serve-\(getpid())-\(UUID().uuidString.prefix(8))")
            temporary = folder
            options.outputDirectory = folder.appendingPathComponent("site").path
        }
        defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }

        // Until the server's own signal handling starts, Ctrl-C still removes the temp folder.
        let privateFolder = temporary
        let early = Self.exitOnSignal { if let privateFolder { try? FileManager.default.removeItem(at: privateFolder) } }
        let session = PreviewSession(options: options)
        let watcher = session.startWatching()
        let first = await session.build(changed: [])
        early.forEach { $0.cancel() }
        Console.printDiagnostics(first.diagnostics)
        switch first.outcome {
        case .published(let report), .publishedWithErrors(let report):
            Console.out(report.summaryLine)
            if verbose { report.stageLines.forEach(Console.out) }
        case .failed:
            Console.error("build failed; pages show the errors until it is fixed")
        }

        let host = host
        let open = open
        let verbose = verbose
        let output = options.outputDirectory
        let watched = session.watchedPaths.joined(separator: ", ")
        let server = PreviewServer(host: host, port: port, session: session)
        do {
            try await server.run(watcher: watcher, onStarted: { port in
                let url = Self.url(host: host, port: port)
                Console.out("Serving \(url) from \(output)")
                Console.out("Watching \(watched) (\(watcher.backend.rawValue)); press Ctrl-C to stop")
                if open { Self.openInBrowser(url) }
            }, onResult: { result in
                Console.printDiagnostics(result.diagnostics)
                Console.out(result.summaryLine)
                if verbose, let report = result.report { report.stageLines.forEach(Console.out) }
            })
        } catch {
            watcher.stop()
            Console.error("cannot serve on \(host):\(port): \(error)")
            return ExitStatus.inputErrors.rawValue
        }
        Console.out("Stopped.")
        return ExitStatus.success.rawValue
    }

    /// SIGINT and SIGTERM run `cleanup` and exit with 130; cancel the returned sources to stop.
    static func exitOnSignal(_ cleanup: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)  // the source, not the default action, handles it
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler {
                cleanup()
                Foundation.exit(130)
            }
            source.resume()
            return source
        }
    }

    static func url(host: String, port: Int) -> String {
        let shown = host.contains(":") ? "[\(host)]" : host
        return "http://\(shown):\(port)/"
    }

    /// `xdg-open URL` when xdg-open is on the PATH; otherwise a hint to open it by hand.
    static func openInBrowser(_ url: String) {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let tool = path.split(separator: ":").map({ $0 + "/xdg-open" })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else {
            Console.error("--open: xdg-open not found; open \(url) yourself")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [url]
        do { try process.run() } catch { Console.error("--open: cannot run xdg-open: \(error)") }
    }
}
