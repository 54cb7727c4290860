using CsCheck;
using Excellence.Web.Domain.Identifiers;

namespace Excellence.Tests.Domain;

public class IdentifierTests
{
    private static readonly DateOnly Today = new(2026, 6, 18);

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("440524188001010014")]
    [InlineData("310101199001011234")]
    [InlineData("11010519491231002x")]
    public void Valid_resident_ids_pass(string raw) => Assert.Null(ResidentId.Check(ResidentId.Normalize(raw), Today));

    [Theory]
    [InlineData("310101199001011235", "ResidentId.CheckCharacter", "4")]
    [InlineData("310101199002301234", "ResidentId.BirthDate", "19900230")]
    [InlineData("31010119900101123", "ResidentId.Length", 17)]
    [InlineData("310101209901011234", "ResidentId.BirthInFuture", null)]
    public void Invalid_resident_ids_say_why(string raw, string key, object? arg)
    {
        var problem = ResidentId.Check(ResidentId.Normalize(raw), Today);
        Assert.NotNull(problem);
        Assert.Equal(key, problem.Key);
        if (arg is not null) Assert.Equal(arg, problem.Args[0]);
    }

    [Fact]
    public void A_resident_id_is_masked_to_its_first_three_and_last_four() =>
        Assert.Equal("110***********002X", ResidentId.Mask("11010519491231002X"));

    [Fact]
    public void The_17th_digit_gives_the_gender()
    {
        Assert.False(ResidentId.IsMale("11010519491231002X"));
        Assert.True(ResidentId.IsMale("440524188001010014"));
    }

    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91310115MA1FL3PQ7A")]
    [InlineData(" 91310115ma1fl3pq7a ")]
    public void Valid_credit_codes_pass(string raw) => Assert.Null(CreditCode.Check(CreditCode.Normalize(raw)));

    [Theory]
    [InlineData("91350100M000100Y44", "CreditCode.CheckCharacter", "3")]
    [InlineData("91350100M000100YI3", "CreditCode.BadCharacter", "I")]
    [InlineData("9135010", "CreditCode.Length", 7)]
    [InlineData("91AB0100M000100Y43", "CreditCode.RegionNotDigits", null)]
    public void Invalid_credit_codes_say_why(string raw, string key, object? arg)
    {
        var problem = CreditCode.Check(CreditCode.Normalize(raw));
        Assert.NotNull(problem);
        Assert.Equal(key, problem.Key);
        if (arg is not null) Assert.Equal(arg, problem.Args[0]);
    }

    [Fact]
    public void Generated_credit_codes_validate_and_a_changed_character_is_caught() =>
        Gen.Char[CreditCode.Alphabet].Array[0, 40].Select(a => new string(a)).Where(s => s.Length >= 9).Select(s => "91310115" + s[..9])
            .Sample(body =>
            {
                var code = body + CreditCode.CheckCharacter(body);
                Assert.Null(CreditCode.Check(code));
                var changed = code[..17] + (code[17] == '0' ? '1' : '0');
                Assert.Equal("CreditCode.CheckCharacter", CreditCode.Check(changed)?.Key);
            });

    [Fact]
    public void Shanghai_registration_comes_from_the_region_code()
    {
        Assert.True(CreditCode.IsShanghai("91310115MA1FL3PQ7A"));
        Assert.False(CreditCode.IsShanghai("91350100M000100Y43"));
    }

    [Theory]
    [InlineData("+86 138-0013-8000", "13800138000", true)]
    [InlineData("0086 13800138000", "13800138000", true)]
    [InlineData("(138) 0013 8000", "13800138000", true)]
    [InlineData("12345678901", "12345678901", false)]
    [InlineData("1380013800", "1380013800", false)]
    public void Mobiles_are_normalised_then_checked(string raw, string normalized, bool valid)
    {
        Assert.Equal(normalized, Phone.NormalizeMobile(raw));
        Assert.Equal(valid, Phone.CheckMobile(Phone.NormalizeMobile(raw)) is null);
    }

    [Theory]
    [InlineData("021-62524131", true)]
    [InlineData("02162524131", true)]
    [InlineData("021-62524131-808", true)]
    [InlineData("13800138000", true)]
    [InlineData("62524131", false)]
    public void Landlines_or_mobiles(string raw, bool valid) => Assert.Equal(valid, Phone.CheckMobileOrLandline(raw) is null);

    [Theory]
    [InlineData("200120", true, false)]
    [InlineData("010000", true, true)]
    [InlineData("20012", false, false)]
    [InlineData("2001a0", false, false)]
    public void Postcodes_are_six_digits_and_non_shanghai_ones_only_warn(string raw, bool valid, bool warn)
    {
        Assert.Equal(valid, Phone.CheckPostcode(raw) is null);
        if (valid) Assert.Equal(warn, Phone.IsUnusualForShanghai(raw));
    }

    [Fact]
    public void A_phone_is_masked_in_the_middle() => Assert.Equal("138****8000", Phone.Mask("13800138000"));
}
