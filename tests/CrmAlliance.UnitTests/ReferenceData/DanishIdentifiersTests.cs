using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.ReferenceData;

namespace CrmAlliance.UnitTests.ReferenceData;

public sealed class DanishIdentifiersTests
{
    [Theory]
    [InlineData("10150817")] // 1·2+0·7+1·6+5·5+0·4+8·3+1·2+7·1 = 66 = 6·11
    [InlineData("25313763")] // 4+35+18+5+12+21+12+3 = 110 = 10·11
    public void A_CVR_number_whose_weighted_sum_divides_by_11_is_valid(string cvr) => Assert.True(DanishIdentifiers.IsValidCvr(cvr));

    [Theory]
    [InlineData("10150818")] // weighted sum 67
    [InlineData("1015081")]
    [InlineData("101508170")]
    [InlineData("1015O817")]
    [InlineData("00000000")] // sum 0 divides by 11, but no CVR starts with 0
    [InlineData(null)]
    public void Anything_else_is_not_a_CVR_number(string? cvr) => Assert.False(DanishIdentifiers.IsValidCvr(cvr));

    [Theory]
    [InlineData("1012345678", true)]
    [InlineData("101234567", false)]
    [InlineData("10123456AB", false)]
    public void A_P_number_is_ten_digits_without_a_checksum(string pNumber, bool valid) => Assert.Equal(valid, DanishIdentifiers.IsValidPNumber(pNumber));

    [Theory]
    [InlineData("010190-1234")]
    [InlineData("0101901234")]
    [InlineData("ref 311299 1234 x")]
    public void A_CPR_shaped_number_is_found_anywhere_in_the_text(string text) => Assert.True(CprNumbers.AppearIn(text));

    [Theory]
    [InlineData("SAG-2025-00017")]
    [InlineData("3213901234")] // day 32 is no date
    [InlineData("0113901234")] // month 13 is no date
    [InlineData("12345678901")] // eleven digits: not CPR-shaped
    public void Case_references_that_are_not_CPR_shaped_pass(string text) => Assert.False(CprNumbers.AppearIn(text));

    [Theory]
    [InlineData("Ring 010190-1234 i morgen", "Ring XXXXXX-XXXX i morgen")]
    [InlineData("0101901234 og 311299 1234", "XXXXXX-XXXX og XXXXXX-XXXX")]
    [InlineData("tlf. 98 12 34 56, P-nr. 1234 567890", "tlf. 98 12 34 56, P-nr. 1234 567890")]
    [InlineData("3213901234 er ingen dato", "3213901234 er ingen dato")]
    public void Mask_hides_every_CPR_shaped_number_and_nothing_else(string text, string masked) => Assert.Equal(masked, CprNumbers.Mask(text));
}
