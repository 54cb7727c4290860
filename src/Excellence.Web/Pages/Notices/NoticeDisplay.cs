using Excellence.Web.Domain.Notices;
using Microsoft.Extensions.Localization;

namespace Excellence.Web.Pages.Notices;

/// <summary>How a notice's period and status are written (公示期：2026年9月1日至9月7日), in Shanghai dates.</summary>
public static class NoticeDisplay
{
    public static string Period(IStringLocalizer t, DateOnly start, DateOnly last) =>
        t[start.Year == last.Year ? "Notice.Period" : "Notice.PeriodAcrossYears", start.ToDateTime(TimeOnly.MinValue), last.ToDateTime(TimeOnly.MinValue)];

    public static string StatusClass(NoticeStatus s) => s switch
    {
        NoticeStatus.Open => "notice-status notice-open",
        NoticeStatus.Scheduled => "notice-status notice-scheduled",
        _ => "notice-status notice-closed",
    };
}
