using System.Globalization;
using Excellence.Web.Features;
using Excellence.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Excellence.Web.Api;

/// <summary>
/// Outcomes as RFC 9457 problem details, with messages in the request's language
/// (Accept-Language, zh-CN by default) and validation errors keyed by field.
/// </summary>
public static class ApiResults
{
    public static IResult ToResult<T>(this Outcome<T> outcome, HttpContext http, Func<T, IResult> onOk)
    {
        if (outcome.IsOk) return onOk(outcome.Value!);
        var catalog = http.RequestServices.GetRequiredService<StringCatalog>();
        var culture = CultureInfo.CurrentUICulture;
        string? Reason() => outcome.Reason is null ? null : catalog.Text(outcome.Reason, culture);
        return outcome.Kind switch
        {
            OutcomeKind.Invalid => Results.ValidationProblem(
                outcome.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => catalog.Text(e.Problem, culture)).ToArray()),
                title: catalog.Text("Api.ValidationFailed", culture)),
            OutcomeKind.NotFound => Results.Problem(statusCode: 404, title: Reason()),
            OutcomeKind.Forbidden => Results.Problem(statusCode: 403, title: Reason(), extensions: Code(outcome)),
            OutcomeKind.Conflict => Results.Problem(statusCode: 409, title: Reason(), extensions: Code(outcome)),
            OutcomeKind.Stale => Results.Problem(statusCode: 412, title: Reason()),
            _ => throw new InvalidOperationException(outcome.Kind.ToString()),
        };
    }

    public static IResult ToResult<T>(this Outcome<T> outcome, HttpContext http) => outcome.ToResult(http, v => Results.Ok(v));

    /// <summary>The machine-readable reason next to the human one, e.g. "Round.DeadlinePassed".</summary>
    private static Dictionary<string, object?> Code<T>(Outcome<T> o) => new() { ["code"] = o.Reason?.Key };

    public static (int Page, int PageSize) Paging(int? page, int? pageSize) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 50, 1, 200));
}

/// <summary>A list page in the shape every list endpoint answers: { items, total, page, pageSize }.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
