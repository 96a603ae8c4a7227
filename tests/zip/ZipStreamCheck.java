// ZipStreamCheck.java
//
// Copyright 2026 The Carta authors
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reads a ZIP as Java-based hospital importers do. "stream FILE" reads it
// front to back with java.util.zip.ZipInputStream, which trusts each
// local header (and refuses a data descriptor on a stored entry), checks
// every entry's CRC and size as it goes, and prints one line per entry.
// "directory FILE" lists it from its central directory with
// java.util.zip.ZipFile. Any exception is printed and exits with 1.

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

public class ZipStreamCheck {
    private static String method(ZipEntry entry) {
        switch (entry.getMethod()) {
            case ZipEntry.STORED: return "stored";
            case ZipEntry.DEFLATED: return "deflated";
            default: return "method-" + entry.getMethod();
        }
    }

    private static void stream(String path) throws Exception {
        byte[] buffer = new byte[1 << 16];
        int count = 0;

        try (ZipInputStream zip = new ZipInputStream(new FileInputStream(path))) {
            ZipEntry entry;

            while ((entry = zip.getNextEntry()) != null) {
                CRC32 crc = new CRC32();
                long size = 0;
                int n;

                while ((n = zip.read(buffer)) > 0) {
                    crc.update(buffer, 0, n);
                    size += n;
                }
                // After the read, the entry holds what its header or
                // descriptor said; ZipInputStream compared them already.
                if (entry.getSize() != size || entry.getCrc() != crc.getValue())
                    throw new Exception(entry.getName() + ": size or CRC differ");
                System.out.printf("%s %d %08x %s%n", method(entry), size, crc.getValue(), entry.getName());
                count++;
            }
        }
        System.out.println("entries: " + count);
    }

    private static void directory(String path) throws Exception {
        try (ZipFile zip = new ZipFile(path)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();

            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();

                System.out.printf("%s %d %08x %s%n", method(entry), entry.getSize(), entry.getCrc(), entry.getName());
            }
            System.out.println("entries: " + zip.size());
        }
    }

    public static void main(String[] args) {
        try {
            if (args.length == 2 && args[0].equals("stream"))
                stream(args[1]);
            else if (args.length == 2 && args[0].equals("directory"))
                directory(args[1]);
            else {
                System.err.println("usage: ZipStreamCheck stream|directory FILE.zip");
                System.exit(2);
            }
        } catch (Exception e) {
            System.out.println("error: " + e);
            System.exit(1);
        }
    }
}
