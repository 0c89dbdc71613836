namespace Orleans.Blockchain.Mining;

/// <summary>The working variables a..h after the last round, one word per nonce lane.</summary>
internal struct Sha256LaneState<TV>
    where TV : unmanaged
{
    public TV A, B, C, D, E, F, G, H;
}
