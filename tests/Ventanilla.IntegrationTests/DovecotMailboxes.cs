namespace Ventanilla.IntegrationTests;

/// <summary>
/// Tests that use the test mail server's mailboxes run one at a time: each empties a shared
/// INBOX before it starts, which would pull messages from under a test running beside it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DovecotMailboxes
{
    public const string Name = "Dovecot mailboxes";
}
