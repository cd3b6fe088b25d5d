import Foundation
import GongzhiCore
import Vapor

/// Photos people upload (a request's, a visit's, a project note's): checked and cleaned in one pass before anything
/// is stored, and served only to those who may see their record.
enum Photos {
    struct Cleaned: Sendable {
        let bytes: [UInt8]
        let kind: ImageSanitizer.Kind
    }

    /// Checks and cleans every file on the thread pool: a bad photo leaves nothing half-done, and the cleaned bytes
    /// are what is stored (no photo is decoded twice). Location metadata goes unless kept on purpose.
    static func clean(_ files: [[UInt8]], keepLocation: Bool = false, limit: Int, _ caller: Caller) async throws
        -> [Cleaned]
    {
        if files.count > limit { throw AppError.invalid(.errorPhotoCount, args: [String(limit)], field: "photos") }
        guard !files.isEmpty else { return [] }
        let outcome: Result<[Cleaned], ImageSanitizer.Problem> = try await caller.offload {
            var cleaned: [Cleaned] = []
            for file in files {
                do throws(ImageSanitizer.Problem) {
                    let c = try ImageSanitizer.sanitize(file, keepMetadata: keepLocation)
                    cleaned.append(Cleaned(bytes: c.bytes, kind: c.kind))
                } catch { return .failure(error) }
            }
            return .success(cleaned)
        }
        switch outcome {
        case .success(let cleaned): return cleaned
        case .failure(let problem):
            throw AppError.invalid(
                key: problem.messageKey, args: [String(ImageSanitizer.maxBytes / 1024 / 1024)], field: "photos")
        }
    }

    /// A stored photo as a response: private to the browser that asked, which may keep it for an hour.
    static func response(_ bytes: Data, contentType: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: contentType)
        headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(data: bytes))
    }
}
