using CsCheck;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Screening;

namespace Excellence.Tests.Domain;

/// <summary>Due dates and lateness of supplement requests (Shanghai calendar days), and the checklist editing rules.</summary>
public class ScreeningRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 18);

    private static DateTime ShanghaiUtc(int year, int month, int day, int hour, int minute = 0) =>
        Shanghai.ToUtc(new DateTime(year, month, day, hour, minute, 0));

    [Fact]
    public void A_due_date_must_be_given_after_today_and_within_sixty_days()
    {
        Assert.Equal("Screening.DueDateRequired", SupplementRules.CheckDueDate(null, Today)!.Key);
        Assert.Equal("Screening.DueDateNotFuture", SupplementRules.CheckDueDate(Today, Today)!.Key);
        Assert.Equal("Screening.DueDateNotFuture", SupplementRules.CheckDueDate(Today.AddDays(-1), Today)!.Key);
        Assert.Null(SupplementRules.CheckDueDate(Today.AddDays(1), Today));
        Assert.Null(SupplementRules.CheckDueDate(Today.AddDays(60), Today));
        Assert.Equal(new Problem("Screening.DueDateTooFar", 60).ToString(), SupplementRules.CheckDueDate(Today.AddDays(61), Today)!.ToString());
    }

    [Fact]
    public void An_answer_is_on_time_until_midnight_of_the_due_day_in_shanghai()
    {
        var due = new DateOnly(2026, 6, 25);
        Assert.False(SupplementRules.IsLate(due, ShanghaiUtc(2026, 6, 25, 23, 59)));
        Assert.False(SupplementRules.IsLate(due, ShanghaiUtc(2026, 6, 20, 9)));
        Assert.True(SupplementRules.IsLate(due, ShanghaiUtc(2026, 6, 26, 0, 0)));
        // 26 June 00:30 in Shanghai is still 25 June in UTC: the Shanghai day decides.
        Assert.Equal(new DateTime(2026, 6, 25, 16, 30, 0, DateTimeKind.Utc), ShanghaiUtc(2026, 6, 26, 0, 30));
        Assert.Equal(1, SupplementRules.DaysLate(due, ShanghaiUtc(2026, 6, 26, 0, 30)));
        Assert.Equal(7, SupplementRules.DaysLate(due, ShanghaiUtc(2026, 7, 2, 12)));
    }

    [Fact]
    public void Days_late_never_go_negative_and_grow_one_per_shanghai_day()
    {
        Gen.Int[0, 400].Select(Gen.Int[-30, 30], Gen.Int[0, 23]).Sample((offset, after, hour) =>
        {
            var due = Today.AddDays(offset);
            var answered = ShanghaiUtc(due.Year, due.Month, due.Day, hour).AddDays(after);
            var late = SupplementRules.DaysLate(due, answered);
            return late == Math.Max(0, after) && SupplementRules.IsLate(due, answered) == after > 0;
        });
    }

    [Fact]
    public void An_open_request_is_overdue_after_its_due_day_and_time_taken_runs_until_the_answer()
    {
        var requested = ShanghaiUtc(2026, 6, 18, 10);
        var request = new SupplementRequest { DueOn = new DateOnly(2026, 6, 20), RequestedAt = requested };
        Assert.False(SupplementRules.IsOverdue(request, ShanghaiUtc(2026, 6, 20, 22)));
        Assert.True(SupplementRules.IsOverdue(request, ShanghaiUtc(2026, 6, 21, 8)));
        Assert.Equal(TimeSpan.FromHours(22), SupplementRules.TimeTaken(request, ShanghaiUtc(2026, 6, 19, 8)));
        request.AnsweredAt = ShanghaiUtc(2026, 6, 22, 10);
        Assert.False(SupplementRules.IsOverdue(request, ShanghaiUtc(2026, 6, 30, 8)));
        Assert.Equal(TimeSpan.FromDays(4), SupplementRules.TimeTaken(request, ShanghaiUtc(2026, 6, 30, 8)));
    }

    [Fact]
    public void The_default_checklist_is_article_5_or_6_then_completeness()
    {
        Assert.Equal(["Article5.1", "Article5.2", "Article5.3", "Article5.4", "Article5.5", "Article5.6", "Complete.Form", "Complete.Evidence", "Complete.Recommendation"],
            DefaultChecklist.For(Category.SinglePractice).Select(i => i.Code));
        Assert.Equal(["Article6.1", "Article6.2", "Article6.3", "Article6.4", "Complete.Form", "Complete.Evidence", "Complete.Recommendation"],
            DefaultChecklist.For(Category.IndividualExperience).Select(i => i.Code));
        Assert.Equal(Eligibility.Article5, DefaultChecklist.For(Category.OrganizationModel).Take(6).Select(i => i.Code));
    }

    [Fact]
    public void Editing_keeps_codes_numbers_new_items_drops_blank_rows_and_refuses_an_empty_list()
    {
        var (items, problems) = DefaultChecklist.Edit([("Article5.1", " 重新措辞 "), (null, "新增一项"), ("Complete.Form", "  "), ("", "再加一项"), ("Item.1", "原有新增项")]);
        Assert.Empty(problems);
        Assert.Equal([new ChecklistItem("Article5.1", "重新措辞"), new ChecklistItem("Item.2", "新增一项"), new ChecklistItem("Item.3", "再加一项"), new ChecklistItem("Item.1", "原有新增项")], items);

        var (none, why) = DefaultChecklist.Edit([(null, " ")]);
        Assert.Null(none);
        Assert.Equal("Screening.ChecklistEmpty", Assert.Single(why).Problem.Key);
        var (tooLong, whyLong) = DefaultChecklist.Edit([(null, new string('字', 501))]);
        Assert.Null(tooLong);
        Assert.Equal("items[0].text", Assert.Single(whyLong).Field);
        var (dup, whyDup) = DefaultChecklist.Edit([("A", "一"), ("A", "二")]);
        Assert.Null(dup);
        Assert.Equal("Screening.DuplicateCode", Assert.Single(whyDup).Problem.Key);
    }

    [Fact]
    public void Only_the_secretariat_screens_and_only_in_screening_the_owner_answers_only_an_open_request()
    {
        var org = Guid.NewGuid();
        var secretariat = new Actor(Guid.NewGuid(), "秘书处", new HashSet<string> { Roles.Secretariat }, null, null);
        var owner = new Actor(Guid.NewGuid(), "申报人", new HashSet<string> { Roles.Applicant }, org, null);
        var stranger = new Actor(Guid.NewGuid(), "他人", new HashSet<string> { Roles.Applicant }, Guid.NewGuid(), null);
        var a = new Application { OrganizationId = org, Stage = Stage.Screening };
        Assert.True(Permissions.CanScreen(secretariat, a));
        Assert.True(Permissions.CanScreen(owner, a).Hidden);
        a.Stage = Stage.AwaitingSupplement;
        Assert.Equal("Screening.NotInScreening", Permissions.CanScreen(secretariat, a).Reason!.Key);
        var request = new SupplementRequest { ApplicationId = a.Id };
        Assert.True(Permissions.CanAnswerSupplement(owner, a, request));
        Assert.True(Permissions.CanAnswerSupplement(stranger, a, request).Hidden);
        Assert.True(Permissions.CanAnswerSupplement(secretariat, a, request).Hidden);
        request.AnsweredAt = DateTime.UtcNow;
        Assert.Equal("Supplement.NotOpen", Permissions.CanAnswerSupplement(owner, a, request).Reason!.Key);
        Assert.True(Permissions.CanReadScreening(owner, a));
        Assert.True(Permissions.CanReadScreening(stranger, a).Hidden);
    }
}
