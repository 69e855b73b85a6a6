using Ventanilla.Deadlines.Rules;
using Ventanilla.Routing;

namespace Ventanilla.Tests.FollowUp;

/// <summary>Whom an area gives its next ticket to.</summary>
public class AreaAssignerTests
{
    private static AreaPool Pool(AssignmentMode mode, string[] members, Dictionary<string, int>? loads = null) =>
        new(new AreaInfo(1, "servicio_al_cliente", "Servicio al Cliente", mode, AssignmentSlot.CustomerServiceOwner),
            members, loads ?? [], members.Length == 0 ? "nadie del área está disponible" : null);

    [Fact]
    public void Round_robin_takes_the_members_in_turn_and_starts_over()
    {
        var pool = Pool(AssignmentMode.RoundRobin, ["a", "b", "c"]);

        var picks = Enumerable.Range(0, 7).Select(turn => AreaAssigner.Pick(pool, turn).Member ?? "nadie").ToArray();

        Assert.Equal(["a", "b", "c", "a", "b", "c", "a"], picks);
        Assert.Equal("Asignación por turnos en Servicio al Cliente (turno 5).", AreaAssigner.Pick(pool, 4).Because);
    }

    [Fact]
    public void Least_loaded_picks_the_member_with_fewest_open_tickets_and_counts_what_it_gives()
    {
        var pool = Pool(AssignmentMode.LeastLoaded, ["a", "b", "c"], new() { ["a"] = 3, ["b"] = 1 });

        var picks = Enumerable.Range(0, 4).Select(_ => AreaAssigner.Pick(pool, 0).Member ?? "nadie").ToArray();

        // c has none; then b and c tie at one and b comes first; then c has the one; then b and c tie at two.
        Assert.Equal(["c", "b", "c", "b"], picks);
    }

    [Fact]
    public void Nobody_on_shift_leaves_the_ticket_in_the_area_and_says_why()
    {
        var (member, because) = AreaAssigner.Pick(Pool(AssignmentMode.RoundRobin, []), 3);

        Assert.Null(member);
        Assert.Equal("Sin asignación automática en Servicio al Cliente: nadie del área está disponible.", because);
    }
}
