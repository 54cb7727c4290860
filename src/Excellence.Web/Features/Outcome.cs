using Excellence.Web.Domain;

namespace Excellence.Web.Features;

public enum OutcomeKind { Ok, Invalid, NotFound, Forbidden, Conflict, Stale }

/// <summary>
/// What a use case answers: the value, or why not. Pages and the API translate the same outcome:
/// Invalid → field errors (400), NotFound → 404 (also for records the caller may not see),
/// Forbidden → 403 with the reason, Conflict → 409 with the reason, Stale → 412.
/// </summary>
public sealed class Outcome<T>
{
    public OutcomeKind Kind { get; private init; }
    public T? Value { get; private init; }
    public IReadOnlyList<FieldProblem> Errors { get; private init; } = [];
    public Problem? Reason { get; private init; }

    public bool IsOk => Kind == OutcomeKind.Ok;

    public static Outcome<T> Ok(T value) => new() { Kind = OutcomeKind.Ok, Value = value };
    public static Outcome<T> Invalid(IReadOnlyList<FieldProblem> errors) => new() { Kind = OutcomeKind.Invalid, Errors = errors };
    public static Outcome<T> Invalid(string field, string key, params object[] args) => Invalid([new FieldProblem(field, new Problem(key, args))]);
    public static Outcome<T> NotFound() => new() { Kind = OutcomeKind.NotFound, Reason = new Problem("Permission.NotFound") };
    public static Outcome<T> Forbidden(Problem reason) => new() { Kind = OutcomeKind.Forbidden, Reason = reason };
    public static Outcome<T> Conflict(Problem reason) => new() { Kind = OutcomeKind.Conflict, Reason = reason };
    public static Outcome<T> Stale() => new() { Kind = OutcomeKind.Stale, Reason = new Problem("Validation.Stale") };

    /// <summary>A refused permission: hidden records are not found, visible refusals say why.</summary>
    public static Outcome<T> Denied(Decision decision) => decision.Hidden ? NotFound() : Forbidden(decision.Reason!);

    /// <summary>The same failure for another value type.</summary>
    public Outcome<TOther> As<TOther>() => new() { Kind = Kind, Errors = Errors, Reason = Reason };
}

/// <summary>For use cases that answer nothing but success.</summary>
public sealed record Done
{
    public static Done Instance { get; } = new();
}

/// <summary>Collects field problems while validating a command.</summary>
public sealed class FieldProblems : List<FieldProblem>
{
    public void Add(string field, Problem? problem)
    {
        if (problem is not null) Add(new FieldProblem(field, problem));
    }

    public void Add(string field, string key, params object[] args) => Add(new FieldProblem(field, new Problem(key, args)));

    public bool Has(string field) => this.Any(p => p.Field == field);
}
