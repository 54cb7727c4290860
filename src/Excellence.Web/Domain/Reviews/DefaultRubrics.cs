using Excellence.Web.Domain.Applications;

namespace Excellence.Web.Domain.Reviews;

/// <summary>
/// The project's default rubric (spec rubric.md, tables A, B and C): blocks 1 and 2 and the innovation block 4
/// are judged with the process descriptors, block 3 with the results descriptors. Thresholds are the
/// <see cref="Rubric"/> defaults. Copied into every year and category, then edited there.
/// </summary>
public static class DefaultRubrics
{
    private sealed record Block(string Code, string Name, string NameEn, CriterionKind Kind, (string Name, string NameEn, decimal Max)[] Items);

    public static Rubric Create(Guid roundId, int year, Category category)
    {
        var rubric = new Rubric { RoundId = roundId, Year = year, Category = category };
        var order = 0;
        foreach (var block in BlocksOf(category))
            for (var i = 0; i < block.Items.Length; i++)
            {
                var (name, nameEn, max) = block.Items[i];
                rubric.Criteria.Add(new Criterion
                {
                    RubricId = rubric.Id, Order = ++order, Block = block.Code, BlockName = block.Name, BlockNameEn = block.NameEn,
                    Code = $"{block.Code}.{i + 1}", Name = name, NameEn = nameEn, MaxPoints = max, Kind = block.Kind,
                });
            }
        return rubric;
    }

    private static Block[] BlocksOf(Category category) => category switch
    {
        Category.OrganizationModel =>
        [
            new("1", "组织方向", "Direction", CriterionKind.Process,
            [
                ("背景与必要性", "Background and necessity", 6), ("模式内涵与顶层设计", "Model content and top-level design", 8),
                ("领导作用与文化支撑", "Leadership and supporting culture", 6),
            ]),
            new("2", "运行", "Execution", CriterionKind.Process,
            [
                ("方法的科学性与系统性", "Soundness and systematic approach", 10), ("展开与覆盖", "Deployment and coverage", 8),
                ("测量评价与学习改进", "Measurement, evaluation, learning and improvement", 7), ("整合协同", "Integration", 5),
                ("资源保障与相关方参与", "Resources and stakeholder involvement", 5),
            ]),
            new("3", "结果", "Results", CriterionKind.Results,
            [
                ("质量与顾客结果", "Quality and customer results", 10), ("经济效益", "Economic benefits", 8),
                ("运营、过程与员工结果", "Operational, process and people results", 6), ("社会效益与品牌影响", "Social benefits and brand impact", 6),
            ]),
            new("4", "创新与示范", "Innovation and demonstration", CriterionKind.Process,
            [
                ("创新性", "Innovation", 6), ("示范性", "Exemplary value", 4), ("可复制可推广性", "Replicability", 5),
            ]),
        ],
        Category.SinglePractice =>
        [
            new("1", "组织方向", "Direction", CriterionKind.Process,
            [
                ("实施背景与问题导向", "Background and problem orientation", 8), ("创新内涵与目标", "Innovation content and goals", 7),
            ]),
            new("2", "运行", "Execution", CriterionKind.Process,
            [
                ("主要做法的系统性与科学性", "Systematic and sound practice", 12), ("实施过程与展开", "Implementation and deployment", 10),
                ("工具方法与数据支撑", "Tools, methods and data", 8), ("评估与持续改进", "Evaluation and continual improvement", 5),
            ]),
            new("3", "结果", "Results", CriterionKind.Results,
            [
                ("经济效益", "Economic benefits", 12), ("管理与质量效果", "Management and quality effects", 10), ("社会效益", "Social benefits", 8),
            ]),
            new("4", "创新与示范", "Innovation and demonstration", CriterionKind.Process,
            [
                ("创新性", "Innovation", 10), ("可复制可推广性", "Replicability", 6), ("示范性", "Exemplary value", 4),
            ]),
        ],
        Category.IndividualExperience =>
        [
            new("1", "方向与理念", "Direction and philosophy", CriterionKind.Process,
            [
                ("质量理念与岗位使命认知", "Quality philosophy and sense of mission", 7), ("问题识别与目标设定", "Problem identification and goal setting", 8),
            ]),
            new("2", "运行与实践", "Execution and practice", CriterionKind.Process,
            [
                ("方法与工具运用", "Use of methods and tools", 12), ("实践过程与持续改进", "Practice and continual improvement", 12),
                ("团队带动与经验传承", "Leading the team and passing on experience", 11),
            ]),
            new("3", "结果", "Results", CriterionKind.Results,
            [
                ("对组织绩效的贡献", "Contribution to organisational performance", 15), ("对行业和社会的贡献", "Contribution to the industry and society", 8),
                ("外部认可", "External recognition", 7),
            ]),
            new("4", "创新与推广", "Innovation and dissemination", CriterionKind.Process,
            [
                ("创新性", "Innovation", 8), ("经验可复制性", "Replicability of the experience", 7), ("传播推广", "Dissemination", 5),
            ]),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };
}
