namespace Excellence.Web.Domain.Diagnosis;

/// <summary>The project's default indicator system (spec/diagnosis.md), seeded as version 1.</summary>
public static class DefaultIndicatorSystem
{
    private static Indicator M(string code, string text, Frame frame, decimal weight, bool na = false) =>
        new() { Code = code, Text = text, Frame = frame, Scale = AnswerScale.M5, Weight = weight, AllowsNotApplicable = na };

    private static Indicator Q(string code, string text, Frame frame, decimal weight, params string[] bands) =>
        new() { Code = code, Text = text, Frame = frame, Scale = AnswerScale.Q5, Weight = weight, Options = [.. bands] };

    private static IndicatorDimension D(string code, string zh, string en, decimal weight, params Indicator[] indicators) =>
        new() { Code = code, NameZh = zh, NameEn = en, Weight = weight, Indicators = [.. indicators] };

    public static IndicatorDefinition Create() => new()
    {
        Dimensions =
        [
            D("D1", "战略与领导", "Strategy and leadership", 12,
                M("1.1", "使命、愿景、价值观和质量方针已确立并有效沟通", Frame.Direction, 2.5m),
                M("1.2", "战略规划包含质量、创新、绿色等高质量发展目标，并基于内外部环境分析", Frame.Direction, 3),
                M("1.3", "战略目标分解为部门和岗位指标并定期跟踪", Frame.Direction, 2.5m),
                M("1.4", "高层领导亲自推动质量与变革", Frame.Direction, 2),
                M("1.5", "组织治理、合规与风险管理机制", Frame.Direction, 2)),
            D("D2", "质量管理与标准化", "Quality management and standardisation", 14,
                M("2.1", "质量管理体系建立并有效运行（认证、内审、管理评审）", Frame.Operation, 3),
                Q("2.2", "标准化水平", Frame.Operation, 3, "无企业标准", "有企业标准", "参与团体标准", "参与行业或地方标准、主导团体标准", "主导国家或国际标准"),
                M("2.3", "先进质量方法应用（卓越绩效、精益、六西格玛、QC小组等）", Frame.Operation, 3),
                Q("2.4", "核心产品或服务质量指标与行业对比", Frame.Result, 3, "明显低于", "略低", "持平", "优于", "领先"),
                Q("2.5", "员工参与质量改进的覆盖率", Frame.Result, 2, "<10%", "10–30%", "30–50%", "50–70%", "≥70%")),
            D("D3", "创新驱动", "Innovation", 14,
                Q("3.1", "研发投入强度（研发费用/营业收入）", Frame.Result, 3, "<1%", "1–2%", "2–3%", "3–5%", "≥5%"),
                M("3.2", "技术创新管理体系", Frame.Operation, 3),
                Q("3.3", "有效发明专利（服务业可含软件著作权）", Frame.Result, 3, "0", "1–4", "5–19", "20–49", "≥50"),
                M("3.4", "管理创新与商业模式创新", Frame.Operation, 3),
                M("3.5", "产学研合作与开放式创新", Frame.Operation, 2, na: true)),
            D("D4", "顾客、市场与品牌", "Customers, market and brand", 12,
                M("4.1", "顾客需求识别与市场细分", Frame.Operation, 2),
                M("4.2", "顾客满意度测量、投诉处理与改进", Frame.Operation, 3),
                Q("4.3", "顾客满意度指数", Frame.Result, 2, "未测量", "<70", "70–80", "80–90", "≥90"),
                M("4.4", "品牌建设", Frame.Operation, 3),
                Q("4.5", "细分市场地位", Frame.Result, 2, "不清楚", "区域一般", "区域前列", "全国前十", "全国前三或单项冠军")),
            D("D5", "运营管理与数字化", "Operations and digitalisation", 14,
                M("5.1", "过程识别、流程标准化与过程绩效管理", Frame.Operation, 3),
                M("5.2", "供应链协同与供应商质量管理", Frame.Operation, 2, na: true),
                Q("5.3", "数字化水平（中小企业数字化水平评测等级）", Frame.Result, 3, "未评测", "一级", "二级", "三级", "四级"),
                M("5.4", "数据驱动的测量分析与绩效评审", Frame.Operation, 3),
                M("5.5", "安全生产、应急与业务连续性管理", Frame.Operation, 3)),
            D("D6", "人力资源与组织文化", "People and culture", 10,
                M("6.1", "人才规划与关键岗位能力建设", Frame.Operation, 2),
                Q("6.2", "人均年培训学时", Frame.Result, 2, "<8", "8–16", "16–32", "32–48", "≥48"),
                M("6.3", "激励机制与员工参与", Frame.Operation, 2),
                M("6.4", "员工满意度或敬业度测量与改进", Frame.Operation, 2),
                M("6.5", "企业文化建设与落地", Frame.Direction, 2)),
            D("D7", "绿色低碳与社会责任", "Green development and social responsibility", 10,
                M("7.1", "环境管理体系与环保合规", Frame.Operation, 2),
                M("7.2", "能耗与碳排放管理", Frame.Operation, 3),
                M("7.3", "绿色产品、绿色工厂与资源循环利用", Frame.Result, 2, na: true),
                M("7.4", "社会责任、诚信与公益（社会责任或ESG报告、信用等级）", Frame.Operation, 2),
                new Indicator { Code = "7.5", Text = "近三年是否发生重大质量、安全、环境事故或严重失信", Frame = Frame.None, Scale = AnswerScale.YesNoVeto, Weight = 1 }),
            D("D8", "经营绩效结果", "Business results", 14,
                Q("8.1", "营业收入近三年复合增长率", Frame.Result, 3, "<0", "0–5%", "5–10%", "10–20%", "≥20%"),
                Q("8.2", "利润率与行业对比", Frame.Result, 3, "亏损", "低于行业", "持平", "优于", "领先"),
                Q("8.3", "全员劳动生产率近三年变化", Frame.Result, 3, "下降", "持平", "增长<5%", "5–10%", "≥10%"),
                Q("8.4", "关键质量结果趋势（不良率、投诉率等）", Frame.Result, 3, "恶化", "无数据", "持平", "改善", "持续改善且领先"),
                Q("8.5", "新产品或新服务收入占比", Frame.Result, 2, "<5%", "5–15%", "15–30%", "30–50%", "≥50%")),
        ],
        Levels =
        [
            new() { Code = "L1", NameZh = "起步级", NameEn = "Starting", MinTotal = 0 },
            new() { Code = "L2", NameZh = "推进级", NameEn = "Advancing", MinTotal = 40 },
            new() { Code = "L3", NameZh = "规范级", NameEn = "Standardised", MinTotal = 55 },
            new() { Code = "L4", NameZh = "优秀级", NameEn = "Excellent", MinTotal = 70, MinDimension = 50 },
            new() { Code = "L5", NameZh = "标杆级", NameEn = "Benchmark", MinTotal = 85, MinDimension = 65, RequiresNoVeto = true },
        ],
        VetoCapLevel = "L2",
    };
}
