using CsCheck;
using Excellence.Web.Domain;

namespace Excellence.Tests.Domain;

public class WordCountTests
{
    [Theory]
    [InlineData("卓越绩效管理模式", 8)]
    [InlineData("质量是企业的生命。", 9)]
    [InlineData("我们采用PDCA循环，ISO 9001认证，2023年营收增长12.5%。", 21)]
    [InlineData("Hello world, 你好！", 5)]
    [InlineData("", 0)]
    [InlineData("   \n\t ", 0)]
    [InlineData("e-mail user_name O'Brien a/b", 4)]
    [InlineData("“引号”……——·", 9)]
    [InlineData("𠀀𠀁", 2)]
    public void Counts_like_the_word_processor(string text, int expected) => Assert.Equal(expected, WordCount.Count(text));

    [Fact]
    public void White_space_and_half_width_punctuation_never_count() =>
        Gen.Char[" \t\n,.;:!?()[]{}\"%"].Array[0, 40].Select(a => new string(a)).Sample(s => Assert.Equal(0, WordCount.Count(s)));

    [Fact]
    public void Concatenating_two_texts_with_a_space_adds_their_counts() =>
        Gen.Char["质量ab12，。 x-y"].Array[0, 40].Select(a => new string(a)).Select(Gen.Char["管理cd34！ z.w"].Array[0, 40].Select(a => new string(a)))
            .Sample((a, b) => Assert.Equal(WordCount.Count(a) + WordCount.Count(b), WordCount.Count(a + " " + b)));
}
