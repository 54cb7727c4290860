using System.Security.Cryptography;
using Excellence.Web.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace Excellence.Web.Infrastructure.Files;

/// <summary>
/// Evidence files under {DataDirectory}/evidence (outside wwwroot), named by the server. Uploads stream
/// to a temporary file while their SHA-256 is computed, and stop as soon as they pass the limit.
/// </summary>
public sealed class EvidenceStore(IOptions<ExcellenceOptions> options)
{
    private string Root => options.Value.DataPath("evidence");

    public sealed record Received(string TempPath, long Size, string Sha256, bool TooLarge);

    public async Task<Received> ReceiveAsync(Stream source, long limit, CancellationToken ct)
    {
        var temp = Path.Combine(Root, "incoming");
        Directory.CreateDirectory(temp);
        var path = Path.Combine(temp, Guid.NewGuid().ToString("N") + ".part");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                size += read;
                if (size > limit)
                {
                    target.Close();
                    File.Delete(path);
                    return new Received("", size, "", true);
                }
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        return new Received(path, size, Convert.ToHexStringLower(hash.GetHashAndReset()), false);
    }

    public async Task WriteAsync(string storedName, byte[] content, CancellationToken ct) =>
        await File.WriteAllBytesAsync(PathOf(storedName), content, ct);

    public void Keep(string tempPath, string storedName) => File.Move(tempPath, PathOf(storedName));

    public static void Discard(string tempPath)
    {
        if (tempPath.Length > 0 && File.Exists(tempPath)) File.Delete(tempPath);
    }

    public Stream Open(string storedName) => new FileStream(PathOf(storedName), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public void Delete(string storedName)
    {
        var path = PathOf(storedName);
        if (File.Exists(path)) File.Delete(path);
    }

    /// <summary>Stored names are server-made hex; anything else never reaches the file system.</summary>
    private string PathOf(string storedName)
    {
        if (storedName.Length != 32 || !storedName.All(char.IsAsciiHexDigitLower)) throw new ArgumentException("Not a stored name.", nameof(storedName));
        Directory.CreateDirectory(Root);
        return Path.Combine(Root, storedName);
    }
}
