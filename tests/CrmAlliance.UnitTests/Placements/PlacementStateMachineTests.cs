using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Placements;

namespace CrmAlliance.UnitTests.Placements;

public sealed class PlacementStateMachineTests
{
    public static TheoryData<PlacementStatus, PlacementStatus, bool> AllPairs()
    {
        var allowed = new HashSet<(PlacementStatus, PlacementStatus)>
        {
            (PlacementStatus.Proposed, PlacementStatus.Approved),
            (PlacementStatus.Proposed, PlacementStatus.EndedEarly),
            (PlacementStatus.Approved, PlacementStatus.Active),
            (PlacementStatus.Approved, PlacementStatus.EndedEarly),
            (PlacementStatus.Active, PlacementStatus.Completed),
            (PlacementStatus.Active, PlacementStatus.EndedEarly),
        };
        var data = new TheoryData<PlacementStatus, PlacementStatus, bool>();
        foreach (var from in Enum.GetValues<PlacementStatus>())
        {
            foreach (var to in Enum.GetValues<PlacementStatus>())
            {
                data.Add(from, to, allowed.Contains((from, to)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Allows_exactly_the_transitions_of_a_placements_life(PlacementStatus from, PlacementStatus to, bool allowed)
    {
        Assert.Equal(allowed, PlacementStateMachine.CanMove(from, to));
        Assert.Equal(allowed, PlacementStateMachine.NextStatuses(from).Contains(to));
    }

    [Fact]
    public void Moves_the_placement_on_a_legal_transition()
    {
        var placement = new Placement { ProposedBy = "consultant" };

        PlacementStateMachine.Move(placement, PlacementStatus.Approved);

        Assert.Equal(PlacementStatus.Approved, placement.Status);
    }

    [Fact]
    public void Refuses_an_illegal_transition_naming_both_states_and_leaves_the_status()
    {
        var placement = new Placement { ProposedBy = "consultant", Status = PlacementStatus.Completed };

        var refusal = Assert.Throws<RuleViolationException>(() => PlacementStateMachine.Move(placement, PlacementStatus.Active));

        Assert.Equal("PlacementStatus", refusal.Rule);
        Assert.Equal("a placement cannot go from completed to active.", refusal.Message);
        Assert.Equal(PlacementStatus.Completed, placement.Status);
    }

    [Fact]
    public void Refuses_an_action_outside_its_statuses()
    {
        var placement = new Placement { ProposedBy = "consultant", Status = PlacementStatus.Active };

        var refusal = Assert.Throws<RuleViolationException>(() => PlacementStateMachine.RequireStatus(placement, RefusalText.Of("Placements.Action.Cancel"), PlacementStatus.Proposed, PlacementStatus.Approved));

        Assert.Equal("Cancelling is only possible while the placement is proposed or approved; it is active.", refusal.Message);

    }
}
