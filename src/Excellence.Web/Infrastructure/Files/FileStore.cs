using System.Security.Cryptography;
using Excellence.Web.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace Excellence.Web.Infrastructure.Files;

/// <summary>
/// Uploaded files under <c>{DataDirectory}/files/&lt;area&gt;/&lt;record&gt;/&lt;server-made name&gt;</c>. Streams to a
/// temporary file while hashing (never the whole file in memory), sniffs the content, then moves it in
/// place. Names come from the server only, and every path is checked to stay inside the store.
/// </summary>
public sealed class FileStore(IOptions<ExcellenceOptions> options)
{
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    public sealed record Stored(string StoredName, FileKind Kind, string ContentType, long Length, string Sha256);

    /// <summary>The stored file, or why it was refused (too large, type not recognised, active content…).</summary>
    public sealed record SaveResult(Stored? File, Domain.Problem? Refusal);

    private string Root => Path.GetFullPath(options.Value.DataPath("files"));

    public async Task<SaveResult> SaveAsync(string area, Guid record, Stream content, IReadOnlySet<FileKind>? allowed = null,
        long maxBytes = DefaultMaxBytes, CancellationToken ct = default)
    {
        var folder = Folder(area, record);
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, "." + Guid.NewGuid().ToString("N") + ".part");
        try
        {
            long length = 0;
            string hash;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    length += read;
                    if (length > maxBytes) return new(null, new Domain.Problem("Files.TooLarge"));
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
                var verdict = ContentSniffer.Sniff(file, allowed);
                if (!verdict.Accepted) return new(null, new Domain.Problem(verdict.RefusalKey!));
                var kind = verdict.Kind!.Value;
                var name = Guid.CreateVersion7().ToString("N") + ContentSniffer.Extension(kind);
                await file.DisposeAsync();
                // The same deep checks as application evidence: active PDF content, PDF/HTML polyglots, macros,
                // zip bombs, XML with a DOCTYPE, images whose header claims absurd dimensions.
                var (_, why) = EvidenceInspector.Inspect(temp);
                if (why is not null) return new(null, why);
                File.Move(temp, Inside(Path.Combine(folder, name)));
                return new(new Stored(name, kind, ContentSniffer.ContentType(kind), length, hash), null);
            }
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Opens a stored file for reading, or null when it is not there.</summary>
    public Stream? Open(string area, Guid record, string storedName)
    {
        if (storedName.Contains('/') || storedName.Contains('\\') || storedName.StartsWith('.')) return null;
        var path = Inside(Path.Combine(Folder(area, record), storedName));
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous) : null;
    }

    public void Delete(string area, Guid record, string storedName)
    {
        if (Open(area, record, storedName) is { } s) { s.Dispose(); File.Delete(Inside(Path.Combine(Folder(area, record), storedName))); }
    }

    private string Folder(string area, Guid record)
    {
        if (area.Length == 0 || !area.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) throw new ArgumentException("area", nameof(area));
        return Inside(Path.Combine(Root, area, record.ToString("N")));
    }

    private string Inside(string path)
    {
        var full = Path.GetFullPath(path);
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) throw new InvalidOperationException("Path outside the file store");
        return full;
    }
}
