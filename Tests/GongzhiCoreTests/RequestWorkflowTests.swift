import Testing

@testable import GongzhiCore

@Suite("Request workflow: every allowed and refused transition")
struct RequestWorkflowTests {
    func facts(
        _ s: RequestState, level: EscalationLevel = .community, reopen: Int = 0, from: RequestState? = nil,
        ext: Bool = false
    ) -> RequestFacts {
        RequestFacts(state: s, level: level, reopenCount: reopen, dispatchedFrom: from, pendingExtension: ext)
    }

    /// The whole table: for each state, the actions it allows. Anything else must be refused.
    static let table: [RequestState: Set<RequestAction>] = [
        .raised: [.take, .merge, .supervise, .comment],
        .gridReview: [.settle, .forward, .dispatch, .escalate, .merge, .supervise, .comment],
        .meetingDecision: [.decide, .dispatch, .escalate, .supervise, .comment],
        .escalated: [.dispatch, .escalate, .supervise, .comment],
        .dispatched: [.dispatch, .accept, .returnDispatch, .escalate, .supervise, .comment],
        .handling: [
            .dispatch, .returnDispatch, .progress, .requestExtension, .complete, .escalate, .supervise, .comment,
        ],
        .resolved: [.rate, .closeUnrated, .supervise, .comment],
        .closed: [.reopen],
        .merged: [],
    ]

    @Test(arguments: RequestState.allCases)
    func everyTransitionIsAllowedOrRefusedAsTheTableSays(state: RequestState) {
        let allowed = Self.table[state]!
        for action in RequestAction.allCases {
            let result = try? RequestWorkflow.apply(action, to: facts(state, from: .gridReview), rating: .satisfied)
            #expect((result != nil) == allowed.contains(action), "\(action) from \(state)")
        }
        #expect(Set(RequestWorkflow.allowed(from: facts(state, from: .gridReview))) == allowed)
    }

    @Test func theFiveStepsEndToEnd() throws {
        var f = facts(.raised)
        f = try RequestWorkflow.apply(.take, to: f)
        f = try RequestWorkflow.apply(.forward, to: f)
        #expect(f.state == .meetingDecision)
        f = try RequestWorkflow.apply(.decide, to: f)
        #expect(f.state == .dispatched && f.dispatchedFrom == .meetingDecision)
        f = try RequestWorkflow.apply(.accept, to: f)
        f = try RequestWorkflow.apply(.requestExtension, to: f)
        #expect(throws: WorkflowError.extensionPending) { try RequestWorkflow.apply(.requestExtension, to: f) }
        f = try RequestWorkflow.apply(.approveExtension, to: f)
        #expect(throws: WorkflowError.noPendingExtension) { try RequestWorkflow.apply(.refuseExtension, to: f) }
        f = try RequestWorkflow.apply(.complete, to: f)
        #expect(f.state == .resolved)
        f = try RequestWorkflow.apply(.rate, to: f, rating: .satisfied)
        #expect(f.state == .closed)
    }

    @Test func unsatisfiedReopensUpToTheLimit() throws {
        var f = facts(.resolved)
        f = try RequestWorkflow.apply(.rate, to: f, rating: .unsatisfied, reopenLimit: 1)
        #expect(f.state == .handling && f.reopenCount == 1)
        f = try RequestWorkflow.apply(.complete, to: f)
        f = try RequestWorkflow.apply(.rate, to: f, rating: .unsatisfied, reopenLimit: 1)
        #expect(f.state == .closed)  // the limit is reached: closed as unsatisfied
        #expect(throws: WorkflowError.notAllowed(action: .reopen, from: .closed)) {
            try RequestWorkflow.apply(.reopen, to: f, reopenLimit: 1)
        }
        #expect(throws: WorkflowError.notAllowed(action: .rate, from: .resolved)) {
            try RequestWorkflow.apply(.rate, to: facts(.resolved))
        }
    }

    @Test func escalationClimbsCommunityStreetDistrictAndStops() throws {
        var f = facts(.handling, from: .gridReview)
        f = try RequestWorkflow.apply(.escalate, to: f)
        #expect(f.level == .street && f.state == .escalated)
        f = try RequestWorkflow.apply(.escalate, to: f)
        #expect(f.level == .district)
        #expect(throws: WorkflowError.noHigherLevel) { try RequestWorkflow.apply(.escalate, to: f) }
        f = try RequestWorkflow.apply(.dispatch, to: f)
        #expect(f.state == .dispatched && f.dispatchedFrom == .escalated)
        // Re-routed while it waits (the unit has no liaison to accept it): still dispatched, from the same step.
        f = try RequestWorkflow.apply(.dispatch, to: f)
        #expect(f.state == .dispatched && f.dispatchedFrom == .escalated)
        f = try RequestWorkflow.apply(.returnDispatch, to: f)
        #expect(f.state == .escalated)  // 退单 goes back to whoever dispatched
    }
}

@Suite("Photos")
struct ImageSanitizerTests {
    // A minimal JPEG: SOI, APP0 (JFIF), APP1 (Exif with a fake GPS tag), DQT, SOS with data, EOI.
    static let jpeg: [UInt8] = [
        0xFF, 0xD8,
        0xFF, 0xE0, 0x00, 0x07, 0x4A, 0x46, 0x49, 0x46, 0x00,
        0xFF, 0xE1, 0x00, 0x0A, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00, 0x47, 0x50,
        0xFF, 0xDB, 0x00, 0x04, 0x00, 0x01,
        0xFF, 0xDA, 0x00, 0x04, 0x01, 0x02, 0x11, 0x22, 0x33,
        0xFF, 0xD9,
    ]

    @Test func jpegLosesExifKeepsPicture() throws {
        let (out, kind) = try ImageSanitizer.sanitize(Self.jpeg)
        #expect(kind == .jpeg)
        #expect(!out.contains(0xE1))
        #expect(out.count == Self.jpeg.count - 12)
        #expect(Array(out.suffix(7)) == [0x01, 0x02, 0x11, 0x22, 0x33, 0xFF, 0xD9])
        #expect(try ImageSanitizer.sanitize(Self.jpeg, keepMetadata: true).bytes == Self.jpeg)
    }

    @Test func pngLosesTextChunks() throws {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let n = data.count
            return [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] + Array(type.utf8)
                + data + [0, 0, 0, 0]
        }
        let png =
            ImageSanitizer.pngSignature + chunk("IHDR", Array(repeating: 1, count: 13))
            + chunk("tEXt", Array("GPS 31.8,117.2".utf8))
            + chunk("IDAT", [9, 9, 9]) + chunk("IEND", [])
        let (out, kind) = try ImageSanitizer.sanitize(png)
        #expect(kind == .png)
        #expect(!String(decoding: out, as: UTF8.self).contains("GPS"))
        #expect(out.count == png.count - (12 + 14))
    }

    @Test func notImagesAndDamagedFilesAreRefused() {
        #expect(throws: ImageSanitizer.Problem.notAnImage) { try ImageSanitizer.sanitize(Array("GIF89a".utf8)) }
        #expect(throws: ImageSanitizer.Problem.damaged) {
            try ImageSanitizer.sanitize([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x40])
        }
        #expect(throws: ImageSanitizer.Problem.tooLarge(limit: ImageSanitizer.maxBytes)) {
            try ImageSanitizer.sanitize([0xFF, 0xD8, 0xFF] + [UInt8](repeating: 0, count: ImageSanitizer.maxBytes))
        }
    }
}

@Suite("Duplicate detection")
struct SimilarityTests {
    @Test func chineseTextsAreComparedByCharacterPairs() {
        #expect(Similarity.score("楼道灯坏了", "楼道灯坏了") == 1)
        #expect(Similarity.score("3栋楼道灯坏了，晚上很黑", "三栋楼道的灯坏了") > 0.3)
        #expect(Similarity.score("楼道灯坏了", "小区垃圾没人清运") == 0)
        #expect(
            Similarity.likelyDuplicate(
                sameCategory: true, daysApart: 2, metresApart: 40, sameBuilding: false, textScore: 0.2))
        #expect(
            !Similarity.likelyDuplicate(
                sameCategory: false, daysApart: 2, metresApart: 40, sameBuilding: true, textScore: 0.9))
        #expect(
            !Similarity.likelyDuplicate(
                sameCategory: true, daysApart: 45, metresApart: 10, sameBuilding: true, textScore: 0.9))
        #expect(
            !Similarity.likelyDuplicate(
                sameCategory: true, daysApart: 1, metresApart: 2_000, sameBuilding: false, textScore: 0.2))
    }
}

@Suite("Request figures")
struct RequestFiguresTests {
    /// Every request not merged is open or resolved, never both: the figures add up for any mix of states.
    @Test func openAndResolvedPartitionRaised() {
        let states = RequestState.allCases
        var records: [RequestRecord] = []
        for (i, state) in (states + states + [.handling, .resolved]).enumerated() {
            let resolvedAt: Double? = [.resolved, .closed, .handling].contains(state) ? 100 : nil
            records.append(
                RequestRecord(
                    id: i, state: state, raisedAt: 0, responseDeadline: nil, firstTakenAt: nil,
                    resolvedAt: resolvedAt, deadlineAtResolution: 50, rating: nil, unrated: false))
        }
        let f = RequestFiguresSummary.compute(records, now: 200)
        let raised = f.counts["raised"] ?? -1
        #expect(raised == records.filter { $0.state != .merged }.count)
        #expect((f.counts["open"] ?? 0) + (f.counts["resolved"] ?? 0) == raised)
        for r in records where r.state != .merged {
            #expect(RequestMetric.open.matches(r, now: 200) != RequestMetric.resolved.matches(r, now: 200))
        }
    }

    /// A request an unsatisfied rating reopened keeps the time it was once resolved, but is neither resolved nor on
    /// time until it is resolved again.
    @Test func reopenedIsNotResolvedNorOnTime() {
        let reopened = RequestRecord(
            id: 1, state: .gridReview, raisedAt: 0, responseDeadline: nil, firstTakenAt: 10, resolvedAt: 20,
            deadlineAtResolution: 30, rating: .unsatisfied, unrated: false)
        #expect(!RequestMetric.resolved.matches(reopened, now: 40))
        #expect(!RequestMetric.onTime.matches(reopened, now: 40))
        #expect(RequestMetric.open.matches(reopened, now: 40))
    }
}
