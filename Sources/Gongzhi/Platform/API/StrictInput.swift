import Vapor

/// A JSON body whose unknown fields are refused rather than silently dropped:
/// a client that misspells a field learns it at once.
protocol StrictInput: Decodable {
    /// The Swift names of the fields; the body names them as `APIJSON.jsonKey` spells them.
    static var fields: Set<String> { get }
}

extension Request {
    func decodeStrict<T: StrictInput>(_ type: T.Type = T.self) throws -> T {
        guard let contentType = headers.contentType, contentType == .json || contentType.subType == "json" else {
            throw AppError(
                status: .unsupportedMediaType, code: "unsupported_media_type", messageKey: "error.mediaType")
        }
        guard let buffer = body.data else { throw AppError.badRequest(.errorJsonEmpty) }
        // The server refuses larger bodies while reading them; a body handed over whole is checked here.
        if buffer.readableBytes > application.routes.defaultMaxBodySize.value {
            throw AppError(status: .payloadTooLarge, code: "payload_too_large", messageKey: "error.tooLarge")
        }
        let data = Data(buffer: buffer)
        guard let object = try? JSONSerialization.jsonObject(with: data), let dict = object as? [String: Any] else {
            throw AppError.badRequest(.errorJsonMalformed)
        }
        // Checked against the JSON spelling, so `gridID` is as unknown as `grid_id` where `gridId` is meant.
        let unknown = Set(dict.keys).subtracting(T.fields.map(APIJSON.jsonKey)).sorted()
        if !unknown.isEmpty {
            throw AppError.badRequest(.errorJsonUnknownField, args: [unknown.joined(separator: ", ")])
        }
        return try APIJSON.decoder.decode(T.self, from: data)
    }
}
