/// The keys this table declares: a call site names `.member`, so a misspelt key does not compile.
extension Text {
    static let errorOpen311Format = Text("error.open311.format")
    static let errorOpen311Service = Text("error.open311.service")
    static let errorOpen311Request = Text("error.open311.request")
    static let errorOpen311Status = Text("error.open311.status")
    static let errorOpen311Date = Text("error.open311.date")
    static let errorOpen311Key = Text("error.open311.key")
    static let errorOpen311Location = Text("error.open311.location")
    static let errorApiKeyRevoked = Text("error.apiKey.revoked")
    static let open311Notice = Text("open311.notice")
}

/// The interface strings of Open311, in both languages.
enum Open311Strings {
    static let table = StringTable([
        .errorOpen311Format: ("请在路径末尾使用 .json 或 .xml。", "End the path with .json or .xml."),
        .errorOpen311Service: ("没有这个服务代码。", "There is no such service code."),
        .errorOpen311Request: ("没有这条公开的诉求。", "There is no such public request."),
        .errorOpen311Status: ("status 只能是 open 或 closed。", "status must be open or closed."),
        .errorOpen311Date: ("日期应为 ISO 8601 格式。", "Dates must be ISO 8601."),
        .errorOpen311Key: ("缺少或无效的 api_key。", "The api_key is missing or not valid."),
        .errorOpen311Location: ("请提供 lat 和 long。", "Give lat and long."),
        .errorApiKeyRevoked: ("这个密钥已经停用。", "This key is already revoked."),
        .open311Notice: (
            "诉求已受理，将按工作日期限办理。",
            "Your request is in and will be handled within its working-day limits."
        ),
    ])
}
