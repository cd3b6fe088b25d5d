import GongzhiCore

extension Text {
    static let pointsManualEntry = Text("points.manualEntry")
    static let navPoints = Text("nav.points")
    static let navPointsPhone = Text("nav.pointsPhone")
    static let homePointsHint = Text("home.pointsHint")
    static let homePointsDeskHint = Text("home.pointsDeskHint")
    static let entityPointsMovement = Text("entity.points_movement")
    static let entityPointsShop = Text("entity.points_shop")
    static let entityPointsGood = Text("entity.points_good")
    static let entityPointsRedemption = Text("entity.points_redemption")
    static let entityPointsSettings = Text("entity.points_settings")

    static let pointsAmount = Text("points.amount")
    static let pointsApprover = Text("points.approver")
    static let pointsApproverHint = Text("points.approverHint")
    static let pointsAt = Text("points.at")
    static let pointsBalance = Text("points.balance")
    static let pointsCancel = Text("points.cancel")
    static let pointsCode = Text("points.code")
    static let pointsCommunity = Text("points.community")
    static let pointsCost = Text("points.cost")
    static let pointsEntryKind = Text("points.entryKind")
    static let pointsExpiresOn = Text("points.expiresOn")
    static let pointsExpiringSoon = Text("points.expiringSoon")
    static let pointsExpiryExplained = Text("points.expiryExplained")
    static let pointsExpiryMonths = Text("points.expiryMonths")
    static let pointsExpiryRule = Text("points.expiryRule")
    static let pointsFigure = Text("points.figure")
    static let pointsFigures = Text("points.figures")
    static let pointsFiguresDefinition = Text("points.figuresDefinition")
    static let pointsFindPerson = Text("points.findPerson")
    static let pointsGood = Text("points.good")
    static let pointsGoodDescription = Text("points.goodDescription")
    static let pointsGoodName = Text("points.goodName")
    static let pointsGoods = Text("points.goods")
    static let pointsHandOver = Text("points.handOver")
    static let pointsHandOverHint = Text("points.handOverHint")
    static let pointsLedger = Text("points.ledger")
    static let pointsLedgerCount = Text("points.ledgerCount")
    static let pointsLimit = Text("points.limit")
    static let pointsLimitPeriod = Text("points.limitPeriod")
    static let pointsLimitShown = Text("points.limitShown")
    static let pointsMovements = Text("points.movements")
    static let pointsMyRedemptions = Text("points.myRedemptions")
    static let pointsNewGood = Text("points.newGood")
    static let pointsNewShop = Text("points.newShop")
    static let pointsNoGoods = Text("points.noGoods")
    static let pointsNoMovements = Text("points.noMovements")
    static let pointsNoPeople = Text("points.noPeople")
    static let pointsNoRedemptions = Text("points.noRedemptions")
    static let pointsNoShops = Text("points.noShops")
    static let pointsNote = Text("points.note")
    static let pointsNothingExpiring = Text("points.nothingExpiring")
    static let pointsOnSale = Text("points.onSale")
    static let pointsOpen = Text("points.open")
    static let pointsPrice = Text("points.price")
    static let pointsPriceShown = Text("points.priceShown")
    static let pointsQuantity = Text("points.quantity")
    static let pointsRecordEntry = Text("points.recordEntry")
    static let pointsRecordedBy = Text("points.recordedBy")
    static let pointsRedeem = Text("points.redeem")
    static let pointsRedeemedAt = Text("points.redeemedAt")
    static let pointsRedemptions = Text("points.redemptions")
    static let pointsReference = Text("points.reference")
    static let pointsRestock = Text("points.restock")
    static let pointsSearchHint = Text("points.searchHint")
    static let pointsSettings = Text("points.settings")
    static let pointsShop = Text("points.shop")
    static let pointsShopEdit = Text("points.shopEdit")
    static let pointsShopName = Text("points.shopName")
    static let pointsShopNode = Text("points.shopNode")
    static let pointsShopPlace = Text("points.shopPlace")
    static let pointsShopTitle = Text("points.shopTitle")
    static let pointsShops = Text("points.shops")
    static let pointsSoldOut = Text("points.soldOut")
    static let pointsSource = Text("points.source")
    static let pointsState = Text("points.state")
    static let pointsStock = Text("points.stock")
    static let pointsStockShown = Text("points.stockShown")
    static let pointsSystem = Text("points.system")
    static let pointsToHandOver = Text("points.toHandOver")
    static let pointsTotal = Text("points.total")

    static let errorPointsAmountZero = Text("error.points.amountZero")
    static let errorPointsAmountTooLarge = Text("error.points.amountTooLarge")
    static let errorPointsInsufficient = Text("error.points.insufficient")
    static let errorPointsInconsistent = Text("error.points.inconsistent")
    static let errorPointsQuantity = Text("error.points.quantity")
    static let errorPointsRedeemBalance = Text("error.points.redeemBalance")
    static let errorPointsStock = Text("error.points.stock")
    static let errorPointsOverLimit = Text("error.points.limit")
    static let errorPointsNotAvailable = Text("error.points.notAvailable")
    static let errorPointsApproverBeneficiary = Text("error.points.approverBeneficiary")
    static let errorPointsApproverRequired = Text("error.points.approverRequired")
    static let errorPointsApproverRole = Text("error.points.approverRole")
    static let errorPointsApproverSelf = Text("error.points.approverSelf")
    static let errorPointsAwardPositive = Text("error.points.awardPositive")
    static let errorPointsCode = Text("error.points.code")
    static let errorPointsExpiryRange = Text("error.points.expiryRange")
    static let errorPointsLimitRange = Text("error.points.limitRange")
    static let errorPointsNotPending = Text("error.points.notPending")
    static let errorPointsOwnAward = Text("error.points.ownAward")
    static let errorPointsPeriod = Text("error.points.period")
    static let errorPointsPersonArchived = Text("error.points.personArchived")
    static let errorPointsPrice = Text("error.points.price")
    static let errorPointsRestock = Text("error.points.restock")
    static let errorPointsShopMove = Text("error.points.shopMove")
    static let errorPointsShopNode = Text("error.points.shopNode")
    static let errorPointsStockByRestock = Text("error.points.stockByRestock")
    static let errorPointsStockLow = Text("error.points.stockLow")
    static let errorPointsStockRange = Text("error.points.stockRange")
    static let errorPointsTextRequired = Text("error.points.textRequired")

}

enum PointsStrings {
    static let table = StringTable(
        [
            .navPoints: ("积分", "Points"),
            .navPointsPhone: ("我的积分", "My points"),
            .homePointsHint: ("积分余额、党爱超市兑换", "Balance and the points shop"),
            .homePointsDeskHint: ("待交付的兑换", "Redemptions to hand over"),
            .entityPointsMovement: ("积分记录", "Points movement"),
            .entityPointsShop: ("党爱超市", "Points shop"),
            .entityPointsGood: ("兑换商品", "Shop good"),
            .entityPointsRedemption: ("积分兑换", "Redemption"),
            .entityPointsSettings: ("积分设置", "Points settings"),
            .pointsAmount: ("积分", "Points"),
            .pointsApprover: ("审批人", "Approver"),
            .pointsApproverHint: (
                "人工奖励和更正须由另一名工作人员审批，审批人不能是受益人本人。",
                "Manual awards and corrections need another staff member's approval; never the beneficiary's."
            ),
            .pointsAt: ("时间", "Time"),
            .pointsBalance: ("积分余额", "Balance"),
            .pointsCancel: ("取消兑换", "Cancel"),
            .pointsCode: ("取货码", "Pick-up code"),
            .pointsCommunity: ("社区", "Community"),
            .pointsCost: ("所用积分", "Points spent"),
            .pointsEntryKind: ("类型", "Kind"),
            .pointsExpiresOn: ("{0} 分将于 {1} 过期", "{0} points expire on {1}"),
            .pointsExpiringSoon: ("即将过期（90 天内）", "Expiring within 90 days"),
            .pointsExpiryExplained: (
                "积分按先进先出使用：兑换先用最早获得的积分；每笔积分在获得后满有"
                    + "效期时，剩余部分记为过期。修改有效期对尚未过期的积分生效。",
                "Points are used oldest first: a redemption takes the earliest points; what is left of points at the "
                    + "end of the period is recorded as expired. A change applies to points not yet expired."
            ),
            .pointsExpiryMonths: ("有效期（月）", "Expiry period (months)"),
            .pointsExpiryRule: ("积分自获得起 {0} 个月内有效", "Points are valid for {0} months"),
            .pointsFigure: ("统计项", "Figure"),
            .pointsFigures: ("积分统计", "Figures"),
            .pointsFiguresDefinition: (
                "发放：各类获得的积分（不含退回）；兑换：兑换所用积分减去取消退回"
                    + "；过期：到期作废；扣减：更正扣除。每个数字链接到它所统计的积分记"
                    + "录。",
                "Issued: points earned (refunds aside); spent: redemptions less refunds; expired: points at the end"
                    + " of "
                    + "their period; deducted: corrections downwards. Each figure opens the movements it counts."
            ),
            .pointsFindPerson: ("查找人员", "Find a person"),
            .pointsGood: ("商品", "Good"),
            .pointsGoodDescription: ("说明", "Description"),
            .pointsGoodName: ("商品名称", "Good"),
            .pointsGoods: ("商品数", "Goods"),
            .pointsHandOver: ("交付", "Hand over"),
            .pointsHandOverHint: (
                "居民出示取货码后，输入取货码并交付。",
                "Type the pick-up code the resident shows, then hand over."
            ),
            .pointsLedger: ("积分明细", "Ledger"),
            .pointsLedgerCount: ("{0} 条记录，合计 {1} 分", "{0} movements, {1} points in all"),
            .pointsLimit: ("每人限兑", "Limit per person"),
            .pointsLimitPeriod: ("限兑周期", "Limit counted"),
            .pointsLimitShown: ("每人限兑 {0} 件（{1}）", "At most {0} per person ({1})"),
            .pointsMovements: ("积分记录", "Movements"),
            .pointsMyRedemptions: ("我的兑换", "My redemptions"),
            .pointsNewGood: ("上架商品", "Add a good"),
            .pointsNewShop: ("开设超市", "Open a shop"),
            .pointsNoGoods: ("暂无商品", "No goods yet"),
            .pointsNoMovements: ("暂无积分记录", "No movements yet"),
            .pointsNoPeople: ("没有找到人员", "Nobody found"),
            .pointsNoRedemptions: ("暂无兑换", "No redemptions"),
            .pointsNoShops: ("您所在社区和街道暂无党爱超市", "No points shop where you live yet"),
            .pointsNote: ("事由", "Reason"),
            .pointsNothingExpiring: ("90 天内没有积分过期", "Nothing expires within 90 days"),
            .pointsOnSale: ("在售", "On sale"),
            .pointsOpen: ("营业", "Open"),
            .pointsPrice: ("所需积分", "Price (points)"),
            .pointsPriceShown: ("{0} 分", "{0} points"),
            .pointsQuantity: ("数量", "Quantity"),
            .pointsRecordEntry: ("人工奖励或更正", "Award or correct"),
            .pointsRecordedBy: ("记录人", "Recorded by"),
            .pointsRedeem: ("兑换", "Redeem"),
            .pointsRedeemedAt: ("兑换时间", "Redeemed"),
            .pointsRedemptions: ("积分兑换", "Redemptions"),
            .pointsReference: ("来源记录", "Reference"),
            .pointsRestock: ("补货", "Restock"),
            .pointsSearchHint: ("姓名或手机尾号四位", "Name or the last four digits"),
            .pointsSettings: ("积分有效期", "Expiry period"),
            .pointsShop: ("超市", "Shop"),
            .pointsShopEdit: ("超市信息", "The shop"),
            .pointsShopName: ("超市名称", "Shop"),
            .pointsShopNode: ("所属社区或街道", "Community or street"),
            .pointsShopPlace: ("地点与开放时间", "Place and opening hours"),
            .pointsShopTitle: ("党爱超市", "Points shop"),
            .pointsShops: ("党爱超市", "Points shops"),
            .pointsSoldOut: ("已兑完", "Sold out"),
            .pointsSource: ("来源", "Source"),
            .pointsState: ("状态", "State"),
            .pointsStock: ("库存", "Stock"),
            .pointsStockShown: ("库存 {0}", "{0} in stock"),
            .pointsSystem: ("系统", "System"),
            .pointsToHandOver: ("待交付兑换", "To hand over"),
            .pointsTotal: ("合计", "Total"),
            .errorPointsAmountZero: (
                "请填写不为零的整数积分",
                "Enter a whole number of points other than zero"
            ),
            .errorPointsAmountTooLarge: ("单笔积分不能超过 {0}", "One movement carries at most {0} points"),
            .errorPointsInsufficient: (
                "积分余额不足：当前余额 {0}，余额不能为负",
                "Not enough points: the balance is {0} and cannot go below zero"
            ),
            .errorPointsInconsistent: (
                "积分记录不一致，请联系管理员",
                "The ledger is inconsistent; ask an administrator"
            ),
            .errorPointsQuantity: ("兑换数量须为 1 至 {0}", "Redeem 1 to {0} at a time"),
            .errorPointsRedeemBalance: (
                "积分不足：需要 {0} 分，当前余额 {1} 分",
                "Not enough points: {0} needed, your balance is {1}"
            ),
            .errorPointsStock: ("库存不足：仅剩 {0} 件", "Not enough in stock: {0} left"),
            .errorPointsOverLimit: (
                "超过每人限兑数量：限兑 {0} 件，您已兑换 {1} 件",
                "Beyond the limit per person: {0}, you have {1} already"
            ),
            .errorPointsNotAvailable: (
                "该商品或超市暂停兑换",
                "This good or shop is not open for redemption"
            ),
            .errorPointsApproverBeneficiary: (
                "审批人不能是受益人本人",
                "The approver cannot be the beneficiary"
            ),
            .errorPointsApproverRequired: (
                "人工奖励和更正须指定审批人",
                "Name the approver of an award or correction"
            ),
            .errorPointsApproverRole: (
                "审批人须为可管理积分的在职工作人员",
                "The approver must be active staff who keep points"
            ),
            .errorPointsApproverSelf: (
                "审批人不能是记录人本人",
                "The approver cannot be the one who records it"
            ),
            .errorPointsAwardPositive: (
                "奖励积分须为正数；扣减请用更正",
                "An award is positive; use a correction to deduct"
            ),
            .errorPointsCode: ("取货码不正确", "The pick-up code does not match"),
            .errorPointsExpiryRange: ("有效期须为 {0} 至 {1} 个月", "The period is {0} to {1} months"),
            .errorPointsLimitRange: ("每人限兑须为正整数", "The limit per person is a positive whole number"),
            .errorPointsNotPending: (
                "该兑换已交付或已取消",
                "This redemption was handed over or cancelled already"
            ),
            .errorPointsOwnAward: ("不能给自己记录积分", "You cannot record points for yourself"),
            .errorPointsPeriod: (
                "统计期间不正确（最长十年）",
                "The period is not valid (at most ten years)"
            ),
            .errorPointsPersonArchived: ("该人员已归档", "This person is archived"),
            .errorPointsPrice: ("所需积分须为 1 至 100000", "The price is 1 to 100000 points"),
            .errorPointsRestock: (
                "补货数量须为不为零的整数，绝对值不超过 {0}",
                "Restock a whole number other than zero, at most {0}"
            ),
            .errorPointsShopMove: ("超市不能改挂到其他组织", "A shop does not move to another node"),
            .errorPointsShopNode: ("超市须属于社区或街道", "A shop belongs to a community or a street"),
            .errorPointsStockByRestock: ("库存请通过补货调整", "Change the stock by restocking"),
            .errorPointsStockLow: (
                "库存不能少于零：当前库存 {0}",
                "The stock cannot go below zero: {0} now"
            ),
            .errorPointsStockRange: ("库存须为 0 至 100000", "The stock is 0 to 100000"),
            .errorPointsTextRequired: ("请填写此项", "Fill this in"),
        ]
        .merging(labels) { a, _ in a })

    static let labels: [Text: (zhHans: String, en: String)] = [
        Text("points.source.serviceHours"): ("志愿服务时长", "Service hours"),
        Text("points.source.activity"): ("参加活动", "Activity"),
        Text("points.source.postsKept"): ("认岗履职", "Post kept"),
        Text("points.source.manual"): ("人工奖励", "Manual award"),
        Text("points.source.correction"): ("更正", "Correction"),
        Text("points.source.redemption"): ("兑换", "Redemption"),
        Text("points.source.refund"): ("取消退回", "Refund"),
        Text("points.source.expiry"): ("过期", "Expired"),
        Text("points.figure.issued"): ("发放", "Issued"),
        Text("points.figure.spent"): ("兑换", "Spent"),
        Text("points.figure.expired"): ("过期", "Expired"),
        Text("points.figure.deducted"): ("扣减", "Deducted"),
        Text("points.limitPeriod.overall"): ("累计", "overall"),
        Text("points.limitPeriod.month"): ("每月", "per month"),
        Text("points.limitPeriod.year"): ("每年", "per year"),
        Text("points.redemption.pending"): ("待交付", "To hand over"),
        Text("points.redemption.handedOver"): ("已交付", "Handed over"),
        Text("points.redemption.cancelled"): ("已取消", "Cancelled"),
        Text("points.entry.manual"): ("人工奖励", "Award"),
        .pointsManualEntry: ("积分人工奖励或更正", "Points award or correction"),
        Text("points.entry.correction"): ("更正（可为负数）", "Correction (may be negative)"),
    ]
}
