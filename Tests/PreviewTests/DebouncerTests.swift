import Foundation
import Testing
@testable import Preview

@Suite struct DebouncerTests {
    @Test func manyChangesWithinTheQuietPeriodMakeOneBatch() async {
        let clock = ManualClock()
        let debouncer = Debouncer(quietPeriod: .milliseconds(100), clock: clock)
        for i in 0..<20 {
            await debouncer.signal(["content/a\(i).md"])
            await clock.waitForSleepers(i + 1)
            clock.advance(by: .milliseconds(5))  // 20 saves, 5 ms apart: never 100 ms quiet
        }
        clock.advance(by: .milliseconds(100))
        var batches = debouncer.batches.makeAsyncIterator()
        let first = await batches.next()
        #expect(first == Set((0..<20).map { "content/a\($0).md" }))
        await debouncer.finish()
        #expect(await batches.next() == nil)  // nothing else was pending
    }

    @Test func eachNewChangeRestartsTheQuietPeriod() async {
        let clock = ManualClock()
        let debouncer = Debouncer(quietPeriod: .milliseconds(100), clock: clock)
        await debouncer.signal(["a"])
        await clock.waitForSleepers(1)
        clock.advance(by: .milliseconds(60))
        await debouncer.signal(["b", "a"])
        await clock.waitForSleepers(2)
        clock.advance(by: .milliseconds(60))  // a's timer is due, but b came since: no batch yet
        clock.advance(by: .milliseconds(40))  // 100 ms after b
        var batches = debouncer.batches.makeAsyncIterator()
        #expect(await batches.next() == ["a", "b"])
        await debouncer.finish()
        #expect(await batches.next() == nil)
    }

    @Test func separateBurstsMakeSeparateBatches() async {
        let clock = ManualClock()
        let debouncer = Debouncer(quietPeriod: .milliseconds(100), clock: clock)
        var batches = debouncer.batches.makeAsyncIterator()
        await debouncer.signal(["a", "b"])
        await clock.waitForSleepers(1)
        clock.advance(by: .milliseconds(150))
        #expect(await batches.next() == ["a", "b"])
        await debouncer.signal(["c"])
        await clock.waitForSleepers(1)
        clock.advance(by: .milliseconds(150))
        #expect(await batches.next() == ["c"])
    }

    @Test func finishHandsOnWhatIsPending() async {
        let debouncer = Debouncer(quietPeriod: .seconds(60), clock: ManualClock())
        await debouncer.signal(["x"])
        await debouncer.finish()
        var batches = debouncer.batches.makeAsyncIterator()
        #expect(await batches.next() == ["x"])
        #expect(await batches.next() == nil)
    }

    @Test func realClockSmallDelays() async {
        // Wide enough that a loaded CI machine pausing this task between signals cannot split the batch.
        let debouncer = Debouncer(quietPeriod: .milliseconds(500))
        for i in 0..<20 { await debouncer.signal(["f\(i)"]) }
        var batches = debouncer.batches.makeAsyncIterator()
        #expect(await batches.next()?.count == 20)
    }
}
