using Excellence.Web.Domain.Diagnosis;

namespace Excellence.Tests.Domain.Diagnosis;

public class IndicatorDefinitionEditingTests
{
    private static List<string> Codes(IndicatorDefinition def) => def.AllIndicators.Select(q => q.Code).ToList();

    private static List<(string Code, decimal Weight)> Weights(IndicatorDefinition def) =>
        def.Dimensions.Select(d => (d.Code, d.Weight)).Concat(def.AllIndicators.Select(q => (q.Code, q.Weight))).ToList();

    [Fact]
    public void Adding_a_question_gives_it_the_next_code_of_its_dimension_and_incomplete_defaults_and_keeps_every_weight()
    {
        var def = DefaultIndicatorSystem.Create();
        var before = Weights(def);

        var added = def.AddIndicator("D3")!;

        Assert.Equal(("3.6", "", Frame.Operation, AnswerScale.M5, 0m, false, 0),
            (added.Code, added.Text, added.Frame, added.Scale, added.Weight, added.AllowsNotApplicable, added.Options.Count));
        Assert.Equal(["3.1", "3.2", "3.3", "3.4", "3.5", "3.6"], def.Dimensions[2].Indicators.Select(q => q.Code));
        Assert.Equal(before, Weights(def).Where(w => w.Code != "3.6"));
        Assert.Equal(0m, Weights(def).Single(w => w.Code == "3.6").Weight);
        Assert.Equal(41, Codes(def).Distinct().Count());
        Assert.Contains(def.Validate(), p => p.Field == "dimensions[2].indicators[5].weight" && p.Problem.Key == "Diagnosis.System.WeightPositive");
    }

    [Fact]
    public void A_new_question_skips_codes_already_used_and_an_unknown_dimension_adds_nothing()
    {
        var def = DefaultIndicatorSystem.Create();
        def.Dimensions[2].Indicators[4].Code = "3.9";   // typed by the secretariat
        def.Dimensions[3].Indicators[0].Code = "3.10";  // a duplicate elsewhere must not be reused

        Assert.Equal("3.11", def.AddIndicator("D3")!.Code);
        Assert.Null(def.AddIndicator("D42"));
        Assert.Null(def.AddIndicator(8));
        Assert.Equal(41, Codes(def).Count);
        Assert.Equal(Codes(def).Count, Codes(def).Distinct().Count());
    }

    [Fact]
    public void Adding_a_dimension_appends_D9_with_a_starter_question_9_1_and_leaves_the_weights_at_100()
    {
        var def = DefaultIndicatorSystem.Create();
        var before = Weights(def);

        var added = def.AddDimension();

        Assert.Equal(("D9", "", "", 0m), (added.Code, added.NameZh, added.NameEn, added.Weight));
        Assert.Equal(["9.1"], added.Indicators.Select(q => q.Code));
        Assert.Same(added, def.Dimensions[^1]);
        Assert.Equal(before, Weights(def).Where(w => w.Code is not ("D9" or "9.1")));
        Assert.Equal([0m, 0m], Weights(def).Where(w => w.Code is "D9" or "9.1").Select(w => w.Weight));
        Assert.Equal(100m, def.Dimensions.Sum(d => d.Weight));
        Assert.Equal(["dimensions[8].nameZh", "dimensions[8].weight", "dimensions[8].indicators[0].text", "dimensions[8].indicators[0].weight"],
            def.Validate().Select(p => p.Field));
        Assert.Equal("D10", def.AddDimension().Code);
        Assert.Equal("10.1", def.Dimensions[^1].Indicators.Single().Code);
    }

    [Fact]
    public void Adding_a_dimension_to_an_empty_definition_starts_at_D1()
    {
        var def = new IndicatorDefinition();
        Assert.Equal("D1", def.AddDimension().Code);
        Assert.Equal(["1.1"], Codes(def));
    }

    [Fact]
    public void Removing_a_dimension_removes_its_questions_and_keeps_the_other_weights()
    {
        var def = DefaultIndicatorSystem.Create();

        Assert.True(def.RemoveDimension("D4"));
        Assert.False(def.RemoveDimension("D4"));

        Assert.Equal(["D1", "D2", "D3", "D5", "D6", "D7", "D8"], def.Dimensions.Select(d => d.Code));
        Assert.Equal(35, Codes(def).Count);
        Assert.DoesNotContain(Codes(def), c => c.StartsWith("4.", StringComparison.Ordinal));
        Assert.Equal([12m, 14m, 14m, 14m, 10m, 10m, 14m], def.Dimensions.Select(d => d.Weight));
        Assert.Equal(["dimensions"], def.Validate().Select(p => p.Field));  // 88, no longer 100
        Assert.Equal("D9", def.AddDimension().Code);  // the gap D4 is not reused: codes only grow
    }

    [Fact]
    public void Removing_a_question_keeps_the_others_and_their_weights()
    {
        var def = DefaultIndicatorSystem.Create();

        Assert.True(def.RemoveIndicator("2.4"));
        Assert.False(def.RemoveIndicator("2.4"));

        Assert.Equal(["2.1", "2.2", "2.3", "2.5"], def.Dimensions[1].Indicators.Select(q => q.Code));
        Assert.Equal([3m, 3m, 3m, 2m], def.Dimensions[1].Indicators.Select(q => q.Weight));
        Assert.Equal(39, Codes(def).Count);
        Assert.Equal("2.6", def.AddIndicator("D2")!.Code);
    }

    [Fact]
    public void Removing_the_last_question_leaves_an_empty_dimension_that_stops_publishing()
    {
        var def = DefaultIndicatorSystem.Create();
        foreach (var code in new[] { "6.1", "6.2", "6.3", "6.4", "6.5" }) Assert.True(def.RemoveIndicator(code));

        Assert.Equal(("D6", 10m, 0), (def.Dimensions[5].Code, def.Dimensions[5].Weight, def.Dimensions[5].Indicators.Count));
        var problem = Assert.Single(def.Validate());
        Assert.Equal(("dimensions[5]", "Diagnosis.System.NoIndicators"), (problem.Field, problem.Problem.Key));
        Assert.Equal("6.1", def.AddIndicator("D6")!.Code);
    }

    [Fact]
    public void Positions_outside_the_definition_remove_nothing()
    {
        var def = DefaultIndicatorSystem.Create();
        Assert.False(def.RemoveDimension(8));
        Assert.False(def.RemoveDimension(-1));
        Assert.False(def.RemoveIndicator(0, 5));
        Assert.False(def.RemoveIndicator(8, 0));
        Assert.Equal((8, 40), (def.Dimensions.Count, Codes(def).Count));
    }
}
