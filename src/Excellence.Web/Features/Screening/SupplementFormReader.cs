using System.Text.RegularExpressions;

namespace Excellence.Web.Features.Screening;

/// <summary>
/// Reads an answer to a supplement request from a multipart form, the same for the page and the API:
/// <c>items[{itemId}].text</c> and any number of <c>items[{itemId}].files</c>. The caller disposes the streams.
/// </summary>
public static partial class SupplementFormReader
{
    public static (List<AnswerSupplement.ItemAnswer> Answers, List<Stream> Streams) Read(IFormCollection form)
    {
        var streams = new List<Stream>();
        var texts = new Dictionary<Guid, string?>();
        var files = new Dictionary<Guid, List<AnswerSupplement.FileInput>>();
        foreach (var (key, value) in form)
            if (FieldPattern().Match(key) is { Success: true } m && m.Groups[2].Value == "text" && Guid.TryParse(m.Groups[1].Value, out var id))
                texts[id] = value.ToString();
        foreach (var file in form.Files)
        {
            if (FieldPattern().Match(file.Name) is not { Success: true } m || m.Groups[2].Value != "files" || !Guid.TryParse(m.Groups[1].Value, out var id)) continue;
            if (file.Length == 0 && string.IsNullOrEmpty(file.FileName)) continue; // an empty file input of a plain form
            var stream = file.OpenReadStream();
            streams.Add(stream);
            (files.TryGetValue(id, out var list) ? list : files[id] = []).Add(new AnswerSupplement.FileInput(file.FileName, stream));
        }
        var answers = texts.Keys.Union(files.Keys)
            .Select(id => new AnswerSupplement.ItemAnswer(id, texts.GetValueOrDefault(id), files.GetValueOrDefault(id) ?? [])).ToList();
        return (answers, streams);
    }

    public static string TextField(Guid itemId) => $"items[{itemId}].text";
    public static string FilesField(Guid itemId) => $"items[{itemId}].files";

    [GeneratedRegex(@"^items\[([0-9a-fA-F-]{36})\]\.(text|files)$")]
    private static partial Regex FieldPattern();
}
