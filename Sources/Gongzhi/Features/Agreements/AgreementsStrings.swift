/// Agreements' keys: a call site names `.member`, so a misspelt key does not compile.
extension Text {
    static let agreementEarlierTerm = Text("agreement.earlierTerm")
    static let navAgreements = Text("nav.agreements")
    static let homeAgreementsHint = Text("home.agreements.hint")
    static let entityAgreement = Text("entity.agreement")
    static let entityAgreementCommitment = Text("entity.agreement_commitment")
    static let entityAgreementProject = Text("entity.agreement_project")
    static let entityAgreementReview = Text("entity.agreement_review")
    static let agreementIntro = Text("agreement.intro")
    static let agreementAllStates = Text("agreement.allStates")
    static let agreementTitle = Text("agreement.title")
    static let agreementNode = Text("agreement.node")
    static let agreementParties = Text("agreement.parties")
    static let agreementPairing = Text("agreement.pairing")
    static let agreementState = Text("agreement.state")
    static let agreementTerm = Text("agreement.term")
    static let agreementStarts = Text("agreement.starts")
    static let agreementEnds = Text("agreement.ends")
    static let agreementLastReview = Text("agreement.lastReview")
    static let agreementNew = Text("agreement.new")
    static let agreementCreate = Text("agreement.create")
    static let agreementSignedOn = Text("agreement.signedOn")
    static let agreementCommitments = Text("agreement.commitments")
    static let agreementFulfilmentRule = Text("agreement.fulfilmentRule")
    static let agreementSide = Text("agreement.side")
    static let agreementCategory = Text("agreement.category")
    static let agreementCommitment = Text("agreement.commitment")
    static let agreementMeasure = Text("agreement.measure")
    static let agreementTarget = Text("agreement.target")
    static let agreementActual = Text("agreement.actual")
    static let agreementFulfilment = Text("agreement.fulfilment")
    static let agreementNotMeasured = Text("agreement.notMeasured")
    static let agreementAddCommitment = Text("agreement.addCommitment")
    static let agreementProjects = Text("agreement.projects")
    static let agreementProject = Text("agreement.project")
    static let agreementOwner = Text("agreement.owner")
    static let agreementDue = Text("agreement.due")
    static let agreementDeliveredOn = Text("agreement.deliveredOn")
    static let agreementDeliver = Text("agreement.deliver")
    static let agreementAddProject = Text("agreement.addProject")
    static let agreementReviews = Text("agreement.reviews")
    static let agreementSuggested = Text("agreement.suggested")
    static let agreementYear = Text("agreement.year")
    static let agreementVerdict = Text("agreement.verdict")
    static let agreementNote = Text("agreement.note")
    static let agreementReview = Text("agreement.review")
    static let agreementSignatures = Text("agreement.signatures")
    static let agreementSignRule = Text("agreement.signRule")
    static let agreementNotSigned = Text("agreement.notSigned")
    static let errorAgreementSignedAlready = Text("error.agreement.signedAlready")
    static let errorAgreementSignLater = Text("error.agreement.signLater")
    static let agreementSignOn = Text("agreement.signOn")
    static let agreementSign = Text("agreement.sign")
    static let agreementEndOn = Text("agreement.endOn")
    static let agreementEnd = Text("agreement.end")
    static let agreementRenew = Text("agreement.renew")
    static let agreementCategoryOrganisationBuilding = Text("agreement.category.organisationBuilding")
    static let agreementCategoryResourceSharing = Text("agreement.category.resourceSharing")
    static let agreementCategoryAffairsConsultation = Text("agreement.category.affairsConsultation")
    static let agreementCategoryCarrierCreation = Text("agreement.category.carrierCreation")
    static let agreementSideOrganisation = Text("agreement.side.organisation")
    static let agreementSideUnit = Text("agreement.side.unit")
    static let agreementMeasureProjects = Text("agreement.measure.projects")
    static let agreementMeasureServices = Text("agreement.measure.services")
    static let agreementMeasureMeetings = Text("agreement.measure.meetings")
    static let agreementMeasurePosts = Text("agreement.measure.posts")
    static let errorAgreementMeasureSide = Text("error.agreement.measureSide")
    static let agreementMeasureNone = Text("agreement.measure.none")
    static let agreementStateDraft = Text("agreement.state.draft")
    static let agreementStateSigned = Text("agreement.state.signed")
    static let agreementStateEnded = Text("agreement.state.ended")
    static let agreementPairingOneToOne = Text("agreement.pairing.oneToOne")
    static let agreementPairingManyToOne = Text("agreement.pairing.manyToOne")
    static let agreementVerdictHonoured = Text("agreement.verdict.honoured")
    static let agreementVerdictPartly = Text("agreement.verdict.partly")
    static let agreementVerdictNotHonoured = Text("agreement.verdict.notHonoured")
    static let errorAgreementWording = Text("error.agreement.wording")
    static let errorAgreementNode = Text("error.agreement.node")
    static let errorAgreementParties = Text("error.agreement.parties")
    static let errorAgreementTerm = Text("error.agreement.term")
    static let errorAgreementNotDraft = Text("error.agreement.notDraft")
    static let errorAgreementSignedWording = Text("error.agreement.signedText")
    static let errorAgreementNotSigned = Text("error.agreement.notSigned")
    static let errorAgreementEnded = Text("error.agreement.ended")
    static let errorAgreementSide = Text("error.agreement.side")
    static let errorAgreementTarget = Text("error.agreement.target")
    static let errorAgreementCategory = Text("error.agreement.category")
    static let errorAgreementOrganisationGivesNothing = Text("error.agreement.organisationGivesNothing")
    static let errorAgreementUnitsGiveNothing = Text("error.agreement.unitsGiveNothing")
    static let errorAgreementDelivered = Text("error.agreement.delivered")
    static let errorAgreementYear = Text("error.agreement.year")
    static let errorAgreementReviewed = Text("error.agreement.reviewed")
    static let errorAgreementVerdict = Text("error.agreement.verdict")
}

enum AgreementsStrings {
    static let table = StringTable([
        .agreementEarlierTerm: ("上一期协议", "earlier term"),
        .navAgreements: ("共建协议", "Agreements"),
        .homeAgreementsHint: (
            "街道、社区与驻区单位的共建协议，双方承诺与年度评议",
            "Agreements of streets and communities with units: what each side gives, reviewed yearly"
        ),
        .entityAgreement: ("共建协议", "Agreement"),
        .entityAgreementCommitment: ("协议承诺", "Commitment"),
        .entityAgreementProject: ("联建项目", "Joint project"),
        .entityAgreementReview: ("协议评议", "Agreement review"),
        .agreementIntro: (
            "街道、社区党组织与驻区单位签订共建协议（一对一或多对一），写明双"
                + "方在组织共建、资源共享、事务共商、载体共创方面的承诺和联建项目清"
                + "单，每年对照记录评议履约情况。",
            "Streets' and communities' organisations sign agreements with units (one-to-one or many-to-one) "
                + "saying what each side gives in organisation building, resource sharing, joint consultation and "
                + "joint programmes, with a joint project list; each year the fulfilment is reviewed against the "
                + "records."
        ),
        .agreementAllStates: ("全部状态", "All states"),
        .agreementTitle: ("协议名称", "Agreement"),
        .agreementNode: ("党组织", "Organisation"),
        .agreementParties: ("共建单位", "Unit parties"),
        .agreementPairing: ("结对方式", "Pairing"),
        .agreementState: ("状态", "State"),
        .agreementTerm: ("期限", "Term"),
        .agreementStarts: ("起始日期", "Starts"),
        .agreementEnds: ("终止日期", "Ends"),
        .agreementLastReview: ("最近评议", "Last review"),
        .agreementNew: ("新建共建协议", "New agreement"),
        .agreementCreate: ("建立草稿", "Create draft"),
        .agreementSignedOn: ("签订于 {0}", "signed on {0}"),
        .agreementCommitments: ("双方承诺（{0} 年履约）", "Commitments (fulfilment in {0})"),
        .agreementFulfilmentRule: (
            "履约按记录计算，与年度目标比较：联建项目（该方负责、当年完成）、"
                + "本单位在职党员经核实的服务、参加联席会议、在岗服务岗位；未计量的"
                + "承诺由评议人判断。",
            "Fulfilment is counted from the records against the yearly target: joint projects the side "
                + "delivered in the year, verified services of the unit's reporting members, joint meetings "
                + "attended, service posts held; an unmeasured commitment is judged by the reviewer."
        ),
        .agreementSide: ("承诺方", "Side"),
        .agreementCategory: ("类别", "Category"),
        .agreementCommitment: ("承诺内容", "Commitment"),
        .agreementMeasure: ("计量依据", "Counted from"),
        .agreementTarget: ("年度目标", "Yearly target"),
        .agreementActual: ("记录显示", "Records show"),
        .agreementFulfilment: ("履约率", "Fulfilment"),
        .agreementNotMeasured: ("无记录计量", "not measured"),
        .agreementAddCommitment: ("添加承诺", "Add commitment"),
        .agreementProjects: ("联建项目清单", "Joint project list"),
        .agreementProject: ("项目", "Project"),
        .agreementOwner: ("负责方", "Owner"),
        .agreementDue: ("完成期限", "Due"),
        .agreementDeliveredOn: ("完成日期", "Delivered on"),
        .agreementDeliver: ("标记完成", "Mark delivered"),
        .agreementAddProject: ("添加联建项目", "Add project"),
        .agreementReviews: ("年度评议", "Yearly reviews"),
        .agreementSuggested: ("按记录建议", "Suggested by the records"),
        .agreementYear: ("年度", "Year"),
        .agreementVerdict: ("评议结论", "Verdict"),
        .agreementNote: ("评议意见", "Reviewer's note"),
        .agreementReview: ("提交评议", "Record review"),
        .agreementSignatures: ("签署情况", "Signatures"),
        .agreementSignRule: (
            "党组织一方在工作台签署，各共建单位由本单位联络员签署；双方都有承"
                + "诺时才能签署，全部签署后协议生效。",
            "The organisation signs at the desk and each unit through its liaison; signing needs commitments "
                + "on both sides, and the agreement takes effect once all have signed."
        ),
        .agreementNotSigned: ("未签署", "Not signed"),
        .errorAgreementSignedAlready: ("您这一方已经签署。", "Your side has already signed."),
        .errorAgreementSignLater: ("签署日期不能晚于今天。", "The signing day cannot be after today."),
        .agreementSignOn: ("签订日期", "Signed on"),
        .agreementSign: ("签订", "Sign"),
        .agreementEndOn: ("终止日期", "Ended on"),
        .agreementEnd: ("终止协议", "End agreement"),
        .agreementRenew: ("续签（生成下一期草稿）", "Renew (draft the next term)"),
        .agreementCategoryOrganisationBuilding: ("组织共建", "Organisation building"),
        .agreementCategoryResourceSharing: ("资源共享", "Resource sharing"),
        .agreementCategoryAffairsConsultation: ("事务共商", "Joint consultation"),
        .agreementCategoryCarrierCreation: ("载体共创", "Joint programmes"),
        .agreementSideOrganisation: ("党组织", "Organisation"),
        .agreementSideUnit: ("单位", "Unit"),
        .agreementMeasureProjects: ("联建项目完成数", "Joint projects delivered"),
        .agreementMeasureServices: (
            "本单位在职党员经核实的服务次数",
            "Verified services of the unit's reporting members"
        ),
        .agreementMeasureMeetings: (
            "本单位人员参加联席会议次数",
            "Joint meetings the unit's people attended"
        ),
        .agreementMeasurePosts: ("本单位党员在岗的服务岗位数", "Service posts the unit's members hold"),
        .errorAgreementMeasureSide: (
            "党组织一方的承诺按联建项目计量或由评议人判断。",
            "The organisation's side is counted by joint projects or judged by the reviewer."
        ),
        .agreementMeasureNone: ("评议人判断", "Reviewer's judgement"),
        .agreementStateDraft: ("草稿", "Draft"),
        .agreementStateSigned: ("已签订", "Signed"),
        .agreementStateEnded: ("已终止", "Ended"),
        Text(AgreementStanding.draft.labelKey): ("草稿", "Draft"),
        Text(AgreementStanding.notInForce.labelKey): ("未生效", "Not yet in force"),
        Text(AgreementStanding.inForce.labelKey): ("履行中", "In force"),
        Text(AgreementStanding.expired.labelKey): ("已到期待评议", "Expired, to be reviewed"),
        Text(AgreementStanding.ended.labelKey): ("已终止", "Ended"),
        .agreementPairingOneToOne: ("一对一", "One-to-one"),
        .agreementPairingManyToOne: ("多对一", "Many-to-one"),
        .agreementVerdictHonoured: ("履约", "Honoured"),
        .agreementVerdictPartly: ("部分履约", "Partly honoured"),
        .agreementVerdictNotHonoured: ("未履约", "Not honoured"),
        .errorAgreementWording: (
            "请填写此项（不超过规定长度）。",
            "Fill this in (within the length allowed)."
        ),
        .errorAgreementNode: (
            "请选择您管理范围内的街道或社区党组织。",
            "Choose a street or community organisation in your scope."
        ),
        .errorAgreementParties: (
            "请选择 1 至 50 个共建单位（范围内或上级驻区单位）。",
            "Choose 1 to 50 unit parties (in your scope or placed above)."
        ),
        .errorAgreementTerm: (
            "终止日期须晚于起始日期，期限不超过五年。",
            "The end must be after the start, within five years."
        ),
        .errorAgreementSignedWording: (
            "已有一方签署：协议内容不能再改动。",
            "A side has signed: the agreement's text can no longer change."
        ),
        .errorAgreementNotDraft: (
            "协议已签订，承诺不能再改；如需变更请续签。",
            "The agreement is signed: its commitments no longer change; renew it to change them."
        ),
        .errorAgreementNotSigned: ("协议尚未签订。", "The agreement is not signed."),
        .errorAgreementEnded: ("协议已终止。", "The agreement has ended."),
        .errorAgreementSide: (
            "请选择本协议的共建单位（或党组织一方）。",
            "Choose a party of this agreement (or the organisation's side)."
        ),
        .errorAgreementTarget: (
            "计量的承诺须有 1 至 10000 的年度目标。",
            "A measured commitment needs a yearly target from 1 to 10,000."
        ),
        .errorAgreementCategory: ("请选择承诺类别。", "Choose the commitment's category."),
        .errorAgreementOrganisationGivesNothing: (
            "党组织一方还没有任何承诺，不能签订：双方都须有承诺。",
            "The organisation's side commits to nothing yet: both sides must give something before signing."
        ),
        .errorAgreementUnitsGiveNothing: (
            "以下单位还没有任何承诺，不能签订：{0}",
            "These units commit to nothing yet, so the agreement cannot be signed: {0}"
        ),
        .errorAgreementDelivered: (
            "该项目已完成，或完成日期在今天之后。",
            "Already delivered, or the day is after today."
        ),
        .errorAgreementYear: (
            "请选择协议期限内、不晚于今年的年度。",
            "Choose a year within the agreement's term and not after this year."
        ),
        .errorAgreementReviewed: ("该年度已评议过。", "That year is already reviewed."),
        .errorAgreementVerdict: ("请选择评议结论。", "Choose the verdict."),
    ])
}
