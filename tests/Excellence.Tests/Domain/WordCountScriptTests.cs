using System.Diagnostics;
using System.Text.Json;
using Excellence.Web.Domain;

namespace Excellence.Tests.Domain;

/// <summary>The browser's live counter (wwwroot/js/wordcount.js, run under node) agrees with the server's 字数.</summary>
public class WordCountScriptTests
{
    private static string Script => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Excellence.Web/wwwroot/js/wordcount.js"));

    [Fact]
    public void The_script_counts_the_specs_examples_and_random_text_exactly_as_the_server()
    {
        var random = new Random(20260618);
        const string alphabet = "质量管理卓越ABCxyz0129 .,_-/'，。！“”…—·\t\n𠀀𠀁é";
        var texts = new List<string> { "卓越绩效管理模式", "质量是企业的生命。", "我们采用PDCA循环，ISO 9001认证，2023年营收增长12.5%。", "Hello world, 你好！", "" };
        for (var i = 0; i < 300; i++)
            texts.Add(new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()));

        var input = Path.GetTempFileName();
        File.WriteAllText(input, JsonSerializer.Serialize(texts));
        var start = new ProcessStartInfo("node", ["-e",
            "const w=require(process.argv[1]);const t=JSON.parse(require('fs').readFileSync(process.argv[2],'utf8'));console.log(JSON.stringify(t.map(w.count)))",
            Script, input]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEnd();
        node.WaitForExit();
        File.Delete(input);
        Assert.True(node.ExitCode == 0, node.StandardError.ReadToEnd());

        var counts = JsonSerializer.Deserialize<int[]>(output)!;
        Assert.Equal([8, 9, 21, 5, 0], counts[..5]);
        Assert.Equal(texts.Select(WordCount.Count).ToArray(), counts);
    }
}
