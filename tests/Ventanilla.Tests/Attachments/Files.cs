using System.Text;

namespace Ventanilla.Tests.Attachments;

/// <summary>The first bytes of real files of each kind, padded to a plausible size.</summary>
internal static class Files
{
    public static byte[] Pdf => Pad("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"u8);
    public static byte[] Png => Pad([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]);
    public static byte[] Jpeg => Pad([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46]);
    public static byte[] Mp4 => Pad([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6D, 0x70, 0x34, 0x32]);
    public static byte[] Ogg => Pad("OggS\0\u0002"u8);
    public static byte[] Docx => Pad([0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0x06, 0]);
    public static byte[] Exe => Pad([0x4D, 0x5A, 0x90, 0, 0x03, 0, 0, 0]);
    public static byte[] Text => Encoding.UTF8.GetBytes("El módem parpadea en rojo desde la mañana; ya lo reinicié dos veces.\n");
    public static byte[] Latin1Text => Encoding.Latin1.GetBytes("Atención: el técnico no llegó.\r\n");

    private static byte[] Pad(ReadOnlySpan<byte> head)
    {
        var bytes = new byte[2048];
        head.CopyTo(bytes);
        for (var i = head.Length; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31 % 251);
        }

        return bytes;
    }
}
