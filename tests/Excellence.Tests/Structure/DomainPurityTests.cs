using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;
using Excellence.Web.Domain;

namespace Excellence.Tests.Structure;

/// <summary>
/// Domain/ is plain C#: no ASP.NET, no EF Core, no I/O, and no reading of the clock (time comes in as an argument).
/// Checked twice: on the compiled types (signatures and every method body's calls) and on the source files.
/// </summary>
public partial class DomainPurityTests
{
    private static readonly string[] ForbiddenNamespaces =
    [
        "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.Extensions", "Npgsql", "Microsoft.Data",
        "System.IO", "System.Net.Http", "System.Net.Sockets", "System.Net.WebSockets", "System.Net.NetworkInformation",
        "MailKit", "MimeKit", "System.Data", "Excellence.Web.Data", "Excellence.Web.Infrastructure",
        "Excellence.Web.Features", "Excellence.Web.Pages", "Excellence.Web.Api",
    ];

    private static readonly string[] ForbiddenMembers =
    [
        "System.DateTime.get_Now", "System.DateTime.get_UtcNow", "System.DateTime.get_Today",
        "System.DateTimeOffset.get_Now", "System.DateTimeOffset.get_UtcNow", "System.TimeProvider.get_System",
        "System.Environment.GetEnvironmentVariable", "System.Console.WriteLine",
    ];

    private static IEnumerable<Type> DomainTypes() => typeof(Problem).Assembly.GetTypes()
        .Where(t => t.Namespace is { } ns && (ns == "Excellence.Web.Domain" || ns.StartsWith("Excellence.Web.Domain.", StringComparison.Ordinal)));

    private static bool Forbidden(Type? type) =>
        type is not null && (ForbiddenNamespaces.Any(ns => type.Namespace is { } n && (n == ns || n.StartsWith(ns + ".", StringComparison.Ordinal)))
                             || (type.IsGenericType && type.GetGenericArguments().Any(Forbidden))
                             || (type.HasElementType && Forbidden(type.GetElementType())));

    [Fact]
    public void Domain_types_expose_no_framework_or_io_types_in_their_signatures()
    {
        var offences = new List<string>();
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in DomainTypes())
        {
            if (Forbidden(type.BaseType)) offences.Add($"{type} derives from {type.BaseType}");
            offences.AddRange(type.GetInterfaces().Where(Forbidden).Select(i => $"{type} implements {i}"));
            offences.AddRange(type.GetFields(all).Where(f => Forbidden(f.FieldType)).Select(f => $"{type}.{f.Name}: {f.FieldType}"));
            offences.AddRange(type.GetProperties(all).Where(p => Forbidden(p.PropertyType)).Select(p => $"{type}.{p.Name}: {p.PropertyType}"));
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                if (method is MethodInfo m && Forbidden(m.ReturnType)) offences.Add($"{type}.{method.Name} returns {m.ReturnType}");
                offences.AddRange(method.GetParameters().Where(p => Forbidden(p.ParameterType)).Select(p => $"{type}.{method.Name}({p.ParameterType})"));
            }
            offences.AddRange(type.GetCustomAttributesData().Where(a => Forbidden(a.AttributeType)).Select(a => $"{type} [{a.AttributeType}]"));
        }
        Assert.Empty(offences);
    }

    [Fact]
    public void Domain_method_bodies_call_no_framework_io_or_clock()
    {
        var offences = new List<string>();
        var calls = 0;
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in DomainTypes())
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        foreach (var member in ReferencedMembers(method))
        {
            calls++;
            var owner = member as Type ?? member.DeclaringType;
            var name = $"{owner?.FullName}.{member.Name}";
            if (Forbidden(owner) || ForbiddenMembers.Contains(name)) offences.Add($"{type.Name}.{method.Name} uses {name}");
        }
        Assert.True(calls > 100, "the IL reader found almost nothing: it is broken");
        Assert.Empty(offences.Distinct());
    }

    [Fact]
    public void Domain_source_files_import_no_framework_or_io_namespace()
    {
        var files = SourceTree.Files(Path.Combine(SourceTree.Web, "Domain"), "*.cs").ToList();
        Assert.NotEmpty(files);
        var offences = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (Match m in UsingOrQualified().Matches(text))
                if (Named(m) is var used && ForbiddenNamespaces.Any(ns => used == ns || used.StartsWith(ns + ".", StringComparison.Ordinal)))
                    offences.Add($"{Path.GetRelativePath(SourceTree.Root, file)}: {m.Value.Trim()}");
            foreach (Match m in ClockOrIo().Matches(text))
                offences.Add($"{Path.GetRelativePath(SourceTree.Root, file)}: {m.Value}");
        }
        Assert.Empty(offences);
    }

    private static string Named(Match m) => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;

    /// <summary>Every method, field, type or constructor a method body refers to, read from its IL.</summary>
    private static IEnumerable<MemberInfo> ReferencedMembers(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var typeArgs = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var code = il[i] == 0xFE ? TwoByte[il[i + 1]] : OneByte[il[i]];
            i += code.Size;
            var operand = OperandSize(code.OperandType, il, i);
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                MemberInfo? member = null;
                try { member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs); }
                catch (ArgumentException) { }
                if (member is not null) yield return member;
            }
            i += operand;
        }
    }

    private static int OperandSize(OperandType type, byte[] il, int at) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };

    private static readonly OpCode[] OneByte = new OpCode[256];
    private static readonly OpCode[] TwoByte = new OpCode[256];

    static DomainPurityTests()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var code = (OpCode)field.GetValue(null)!;
            if (code.Size == 1) OneByte[(ushort)code.Value] = code;
            else TwoByte[(ushort)code.Value & 0xFF] = code;
        }
    }

    [GeneratedRegex(@"(?:^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?([\w.]+)\s*;|\b((?:Microsoft|System|Npgsql)\.[\w.]+))", RegexOptions.Multiline)]
    private static partial Regex UsingOrQualified();

    [GeneratedRegex(@"\b(?:DateTime(?:Offset)?\.(?:Now|UtcNow|Today)|TimeProvider\.System|File\.\w+\(|Directory\.\w+\(|HttpClient)\b")]
    private static partial Regex ClockOrIo();
}
