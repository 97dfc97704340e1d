package dev.takedown.audit.internal;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 (RFC 6962) Merkle tree hashing over a chain's records: the leaf input is the record's 32 hash bytes,
 * leaf = SHA-256(0x00 || input), node = SHA-256(0x01 || left || right), and a tree of n leaves splits at the
 * largest power of two below n. Methods take leaf hashes, already prefixed and hashed.
 */
public final class MerkleTree {

    private MerkleTree() {}

    public static byte[] leafHash(byte[] recordHash) {
        return Sha256.digest((byte) 0, recordHash, null);
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        return Sha256.digest((byte) 1, left, right);
    }

    /** MTH(D[from:to]), to > from. */
    public static byte[] root(List<byte[]> leaves, int from, int to) {
        if (to - from == 1) {
            return leaves.get(from);
        }
        int k = split(to - from);
        return nodeHash(root(leaves, from, from + k), root(leaves, from + k, to));
    }

    /** PATH(index, D[0:size]) of RFC 9162 section 2.1.3.1. */
    public static List<byte[]> inclusionProof(List<byte[]> leaves, int index, int size) {
        List<byte[]> path = new ArrayList<>();
        inclusion(leaves, index, 0, size, path);
        return path;
    }

    private static void inclusion(List<byte[]> leaves, int index, int from, int to, List<byte[]> path) {
        if (to - from == 1) {
            return;
        }
        int k = split(to - from);
        if (index - from < k) {
            inclusion(leaves, index, from, from + k, path);
            path.add(root(leaves, from + k, to));
        } else {
            inclusion(leaves, index, from + k, to, path);
            path.add(root(leaves, from, from + k));
        }
    }

    /** RFC 9162 section 2.1.3.2. */
    public static boolean verifyInclusion(byte[] leaf, long index, long size, List<byte[]> path, byte[] root) {
        if (index >= size || index < 0) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /** PROOF(first, D[0:size]) of RFC 9162 section 2.1.4.1, 0 < first < size. */
    public static List<byte[]> consistencyProof(List<byte[]> leaves, int first, int size) {
        List<byte[]> path = new ArrayList<>();
        subproof(leaves, first, 0, size, true, path);
        return path;
    }

    private static void subproof(List<byte[]> leaves, int m, int from, int to, boolean complete, List<byte[]> path) {
        int n = to - from;
        if (m == n) {
            if (!complete) {
                path.add(root(leaves, from, to));
            }
            return;
        }
        int k = split(n);
        if (m <= k) {
            subproof(leaves, m, from, from + k, complete, path);
            path.add(root(leaves, from + k, to));
        } else {
            subproof(leaves, m - k, from + k, to, false, path);
            path.add(root(leaves, from, from + k));
        }
    }

    /** RFC 9162 section 2.1.4.2. */
    public static boolean verifyConsistency(
            long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first <= 0 || first > second || proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    private static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    /**
     * The root of a growing tree in O(log n) memory: the perfect subtrees of the RFC 9162 decomposition, largest
     * first. Lets the verifier check every checkpoint's root in one pass over a chain; adding a leaf allocates
     * nothing (merges hash in place).
     */
    public static final class Frontier {

        /** hashes[i] roots a perfect subtree of 2^levels[i] leaves; levels strictly decrease with i. */
        private final byte[][] hashes = new byte[64][32];

        private final int[] levels = new int[64];
        private int count;
        private long size;

        public void add(byte[] leaf) {
            byte[] hash = hashes[count];
            System.arraycopy(leaf, 0, hash, 0, 32);
            addHashed(count);
        }

        /** Adds the leaf hash of a record hash: SHA-256(0x00 || recordHash), computed into the frontier. */
        public void addRecord(byte[] recordHash) {
            Sha256.digest((byte) 0, recordHash, null, hashes[count]);
            addHashed(count);
        }

        private void addHashed(int slot) {
            int level = 0;
            int top = slot;
            while (top > 0 && levels[top - 1] == level) {
                // node = H(0x01 || left || right), written over the left slot
                Sha256.digest((byte) 1, hashes[top - 1], hashes[top], hashes[top - 1]);
                top--;
                level++;
            }
            levels[top] = level;
            count = top + 1;
            size++;
        }

        public long size() {
            return size;
        }

        /** MTH of the leaves added so far; size must be > 0. */
        public byte[] root() {
            byte[] root = hashes[count - 1].clone();
            for (int i = count - 2; i >= 0; i--) {
                root = nodeHash(hashes[i], root);
            }
            return root;
        }
    }
}
