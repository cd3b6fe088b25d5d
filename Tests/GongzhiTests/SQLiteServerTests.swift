import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("SQLite as a server database")
struct SQLiteServerTests {
    /// Each writer reads, then writes with its audit record, as every change does. Fluent's deferred BEGIN let two
    /// such transactions deadlock into "database is locked"; `writing` takes the lock at BEGIN and waits for it.
    @Test func thirtyTwoConcurrentWritersNeverSeeALockedDatabase() async throws {
        try await withTestApp { app in
            let sql = try #require(app.db as? SQLDatabase)
            if sql.dialect.name == "sqlite" {
                let mode = try await sql.raw("PRAGMA journal_mode").first()?.decode(
                    column: "journal_mode", as: String.self)
                #expect(mode == "wal" || mode == "memory")
                let fk = try await sql.raw("PRAGMA foreign_keys").first()?.decode(column: "foreign_keys", as: Int.self)
                #expect(fk == 1)
            }
            let people = try await Person.query(on: app.db).limit(32).all()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (n, person) in people.enumerated() {
                    group.addTask {
                        for round in 0..<10 {
                            try await app.db.writing { db in
                                guard let p = try await Person.find(person.id!, on: db) else { return }
                                let before = p.snapshot
                                p.address = "并发写入 \(n)-\(round)"
                                try await p.save(on: db)
                                try await Audit.record(
                                    on: db, by: nil, at: app.clock.now, .update, entity: .person, id: p.id!,
                                    label: p.name,
                                    scopePath: p.path, before: before, after: p.snapshot)
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let written = try await Person.query(on: app.db).filter(\.$address ~~ "并发写入").count()
            #expect(written == people.count)
        }
    }
}
