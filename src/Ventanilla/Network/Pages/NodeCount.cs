namespace Ventanilla.Network.Pages;

/// <summary>How many services hang directly from a node, and how many of them are active.</summary>
public sealed record NodeCount(long NodeId, int Total, int Active);
