import Vapor

/// A CSV download that Excel opens correctly (UTF-8 with BOM, CRLF, formula-safe cells).
enum CSVResponse {
    static func make(fileName: String, header: [String], rows: [[String]]) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileName)\"")
        return Response(status: .ok, headers: headers, body: .init(string: CSV.write(header: header, rows: rows)))
    }
}
