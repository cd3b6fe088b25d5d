/// The interface strings of Open311, in both languages.
enum Open311Strings {
    static let table = StringTable(
        zhHans: [
            "error.open311.format": "请在路径末尾使用 .json 或 .xml。",
            "error.open311.service": "没有这个服务代码。",
            "error.open311.request": "没有这条公开的诉求。",
            "error.open311.status": "status 只能是 open 或 closed。",
            "error.open311.date": "日期应为 ISO 8601 格式。",
            "error.open311.key": "缺少或无效的 api_key。",
            "error.open311.location": "请提供 lat 和 long。",
            "error.apiKey.revoked": "这个密钥已经停用。",
            "open311.notice": "诉求已受理，将按工作日期限办理。",
        ],
        en: [
            "error.open311.format": "End the path with .json or .xml.",
            "error.open311.service": "There is no such service code.",
            "error.open311.request": "There is no such public request.",
            "error.open311.status": "status must be open or closed.",
            "error.open311.date": "Dates must be ISO 8601.",
            "error.open311.key": "The api_key is missing or not valid.",
            "error.open311.location": "Give lat and long.",
            "error.apiKey.revoked": "This key is already revoked.",
            "open311.notice": "Your request is in and will be handled within its working-day limits.",
        ]
    )
}
