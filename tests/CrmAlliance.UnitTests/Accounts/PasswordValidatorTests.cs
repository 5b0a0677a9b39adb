using CrmAlliance.Api.Features.Accounts.Passwords;

namespace CrmAlliance.UnitTests.Accounts;

public sealed class PasswordValidatorTests
{
    [Theory]
    [InlineData("password")]
    [InlineData("Password1234")]
    [InlineData("!!Password1234!!")]
    [InlineData("qwertyuiop123")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("Velkommen2026!")]
    [InlineData("Aalborg-1234")]
    [InlineData("123456789012")]
    public void Common_passwords_and_common_words_with_digits_and_symbols_around_them_are_common(string password)
        => Assert.True(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData("Demo-Passw0rd!")]
    [InlineData("Test-Passw0rd-123")]
    [InlineData("Bageriet-2026-Kode")]
    [InlineData("cykel ved limfjorden om morgenen")]
    public void Uncommon_passwords_are_not(string password)
        => Assert.False(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData("HanneHansen2026", "hanne.hansen@aalborg.dk", true)]
    [InlineData("Min-HANSEN-kode-1", "hanne.hansen@aalborg.dk", true)]
    [InlineData("Admin-Passw0rd-Test", "admin@test.local", true)]
    [InlineData("Shrimp-Boat-2026", "hr@virksomhed.dk", false)]
    [InlineData("Cykel-Fjord-2026", "hanne.hansen@aalborg.dk", false)]
    public void A_password_containing_a_part_of_the_e_mail_name_is_refused(string password, string email, bool contains)
        => Assert.Equal(contains, EmailNamePasswordValidator.ContainsEmailName(password, email));
}
