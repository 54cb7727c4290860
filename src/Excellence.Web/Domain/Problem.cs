namespace Excellence.Web.Domain;

/// <summary>
/// A rule that failed, as a resource key and its arguments, so the page and the API can say why in
/// the user's language. The domain never formats messages itself.
/// </summary>
public sealed record Problem(string Key, params object[] Args)
{
    public override string ToString() => Args.Length == 0 ? Key : $"{Key}({string.Join(", ", Args)})";
}

/// <summary>A problem attached to one field of a form or request body.</summary>
public sealed record FieldProblem(string Field, Problem Problem);
