using Excellence.Web.Domain;
using Excellence.Web.Domain.Notices;

namespace Excellence.Tests.Domain;

public class NoticePeriodTests
{
    private static DateTime At(int month, int day, int h, int m, int s) =>
        new DateTimeOffset(2026, month, day, h, m, s, TimeSpan.FromHours(8)).UtcDateTime;

    [Fact]
    public void Seven_natural_days_run_from_midnight_of_the_first_day_to_midnight_after_the_seventh_in_shanghai()
    {
        var start = new DateOnly(2026, 9, 1);
        Assert.Equal(new DateOnly(2026, 9, 7), NoticePeriod.LastDay(start));
        Assert.Equal(new DateTime(2026, 8, 31, 16, 0, 0, DateTimeKind.Utc), NoticePeriod.StartUtc(start));
        Assert.Equal(new DateTime(2026, 9, 7, 16, 0, 0, DateTimeKind.Utc), NoticePeriod.EndUtc(start));
    }

    [Theory]
    [InlineData(8, 31, 23, 59, 59, NoticeStatus.Scheduled)]
    [InlineData(9, 1, 0, 0, 0, NoticeStatus.Open)]
    [InlineData(9, 7, 23, 59, 59, NoticeStatus.Open)]
    [InlineData(9, 8, 0, 0, 0, NoticeStatus.Closed)]
    public void The_status_follows_the_clock(int month, int day, int h, int m, int s, NoticeStatus expected) =>
        Assert.Equal(expected, NoticePeriod.Status(new DateOnly(2026, 9, 1), At(month, day, h, m, s)));

    [Fact]
    public void A_notice_starts_today_or_later()
    {
        var today = new DateOnly(2026, 9, 1);
        Assert.Null(NoticePeriod.CheckStart(today, today));
        Assert.Equal("Notice.StartInPast", NoticePeriod.CheckStart(today.AddDays(-1), today)!.Key);
        Assert.Equal("Validation.Required", NoticePeriod.CheckStart(null, today)!.Key);
    }

    [Fact]
    public void Objecting_is_refused_outside_the_period_with_the_period_in_the_reason()
    {
        var notice = new PublicNotice { StartDate = new DateOnly(2026, 9, 1) };
        Assert.True(Permissions.CanObject(notice, At(9, 4, 12, 0, 0)).Allowed);
        var early = Permissions.CanObject(notice, At(8, 31, 12, 0, 0));
        var late = Permissions.CanObject(notice, At(9, 8, 0, 0, 0));
        Assert.Equal("Objection.NotYetOpen", early.Reason!.Key);
        Assert.Equal(new object[] { new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 7) }, early.Reason.Args);
        Assert.Equal("Objection.Closed", late.Reason!.Key);
    }

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("欧阳明月", "欧**月")]
    [InlineData("a@b.cn", "a***@b.cn")]
    [InlineData("13812345678", "138****5678")]
    public void Identities_are_masked_for_lists(string plain, string masked) =>
        Assert.Equal(masked, plain.Contains('@') || plain.All(char.IsAsciiDigit) ? Masking.Contact(plain) : Masking.Name(plain));
}
