namespace Excellence.Web.Pages.Shared;

/// <summary>A text field with a 字数 limit and its live counter (_LimitedText.cshtml).</summary>
/// <param name="Rows">0 for a single-line input.</param>
public sealed record LimitedText(string Name, string Label, string? Value, int Limit, string? Hint, int Rows, bool Required = true)
{
    public string Id => Name.Replace('.', '_').Replace('[', '_').Replace(']', '_');
}
