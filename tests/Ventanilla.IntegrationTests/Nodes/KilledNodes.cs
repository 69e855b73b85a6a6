namespace Ventanilla.IntegrationTests.Nodes;

/// <summary>
/// The tests that run the service as real processes and kill them. They run alone, after every
/// other test: they load the machine with whole services, empty the shared Dovecot INBOX, and a
/// kill timed against other tests' load would prove less. Run them by themselves with
/// <c>--filter FullyQualifiedName~Nodes</c>.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KilledNodes
{
    public const string Name = "Nodes: real processes, killed";
}
