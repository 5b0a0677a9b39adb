using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;

namespace CrmAlliance.UnitTests.Shared;

public sealed class SkillListsTests
{
    [Fact]
    public void Skills_are_trimmed_and_each_kept_once_in_its_first_spelling()
    {
        var v = new Validator();

        var skills = v.CheckSkills([" Svejsning", "SVEJSNING ", "Truckkort", "svejsning"], "skills");

        Assert.True(v.IsValid);
        Assert.Equal(["Svejsning", "Truckkort"], skills);
    }

    [Fact]
    public void No_list_is_an_empty_list()
        => Assert.Empty(new Validator().CheckSkills(null, "skills"));

    [Fact]
    public void Thirty_different_skills_are_allowed_and_thirty_one_are_not()
    {
        var thirty = Enumerable.Range(1, 30).Select(i => $"Skill {i}").ToList();
        var atLimit = new Validator();
        atLimit.CheckSkills(thirty.Append("skill 1"), "skills");
        var overLimit = new Validator();
        overLimit.CheckSkills(thirty.Append("Skill 31"), "skills");

        Assert.True(atLimit.IsValid);
        var refusal = Assert.Throws<ValidationException>(overLimit.ThrowIfInvalid);
        Assert.Equal("skills: holds 31 different skills; at most 30 are allowed.", refusal.Message);
    }

    [Fact]
    public void Blank_and_overlong_entries_are_refused_by_position()
    {
        var v = new Validator();
        v.CheckSkills(["Ok", "  ", new string('x', 101), new string('y', 100)], "requiredSkills");

        var refusal = Assert.Throws<ValidationException>(v.ThrowIfInvalid);
        Assert.Equal(["entry 2 is blank.", "entry 3 is 101 characters; at most 100 are allowed."], refusal.Errors.Select(e => e.Message));
    }
}
