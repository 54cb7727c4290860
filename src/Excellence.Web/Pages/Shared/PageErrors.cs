using System.Globalization;
using Excellence.Web.Domain;
using Excellence.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Excellence.Web.Pages.Shared;

/// <summary>Puts a use case's field problems next to the fields of a page's form, in the user's language.</summary>
public static class PageErrors
{
    /// <summary>"organization.creditCode" under prefix "Input" → "Input.Organization.CreditCode".</summary>
    public static string FieldKey(string prefix, string field)
    {
        var parts = field.Split('.').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]);
        var key = string.Join('.', parts);
        return string.IsNullOrEmpty(prefix) ? key : prefix + "." + key;
    }

    public static void AddTo(this IEnumerable<FieldProblem> problems, ModelStateDictionary modelState, StringCatalog catalog, string prefix = "Input")
    {
        foreach (var p in problems)
            modelState.AddModelError(p.Field.Length == 0 ? "" : FieldKey(prefix, p.Field), catalog.Text(p.Problem, CultureInfo.CurrentUICulture));
    }

    public static void AddTo(this Problem problem, ModelStateDictionary modelState, StringCatalog catalog) =>
        modelState.AddModelError("", catalog.Text(problem, CultureInfo.CurrentUICulture));
}
