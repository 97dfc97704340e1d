package dev.takedown.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    @Test
    void rootFollowsRfc9162ForSmallTrees() {
        List<byte[]> leaves = leaves(3);
        byte[] a = leaves.get(0);
        byte[] b = leaves.get(1);
        byte[] c = leaves.get(2);

        assertThat(MerkleTree.root(leaves, 0, 1)).isEqualTo(a);
        assertThat(MerkleTree.root(leaves, 0, 2)).isEqualTo(node(a, b));
        // three leaves split at two: the lone right leaf is not paired with itself
        assertThat(MerkleTree.root(leaves, 0, 3)).isEqualTo(node(node(a, b), c));
        assertThat(MerkleTree.leafHash(new byte[32])).isEqualTo(Sha256.digest(new byte[33]));
    }

    @Test
    void matchesTheRfc6962ReferenceVectors() {
        // certificate-transparency-go merkle tree test vectors: leaves are these byte strings (not 32-byte hashes)
        String[] inputs = {
            "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"
        };
        String[] roots = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
        };
        List<byte[]> leaves = new ArrayList<>();
        for (String input : inputs) {
            leaves.add(Sha256.digest((byte) 0, HexFormat.of().parseHex(input), null));
        }
        for (int n = 1; n <= inputs.length; n++) {
            assertThat(HexFormat.of().formatHex(MerkleTree.root(leaves, 0, n)))
                    .as("root of %d", n)
                    .isEqualTo(roots[n - 1]);
        }
    }

    @Test
    void frontierGivesTheSameRootAtEverySize() {
        List<byte[]> leaves = leaves(70);
        MerkleTree.Frontier frontier = new MerkleTree.Frontier();
        for (int n = 1; n <= leaves.size(); n++) {
            frontier.add(leaves.get(n - 1));
            assertThat(frontier.root()).as("size %d", n).isEqualTo(MerkleTree.root(leaves, 0, n));
        }
    }

    @Test
    void everyInclusionProofVerifiesAndNoWrongOneDoes() {
        List<byte[]> leaves = leaves(21);
        for (int size = 1; size <= leaves.size(); size++) {
            byte[] root = MerkleTree.root(leaves, 0, size);
            for (int index = 0; index < size; index++) {
                List<byte[]> path = MerkleTree.inclusionProof(leaves, index, size);
                assertThat(MerkleTree.verifyInclusion(leaves.get(index), index, size, path, root))
                        .as("leaf %d of %d", index, size)
                        .isTrue();
                assertThat(MerkleTree.verifyInclusion(leaves.get((index + 1) % leaves.size()), index, size, path, root))
                        .as("another leaf")
                        .isFalse();
                if (size > 1) {
                    assertThat(MerkleTree.verifyInclusion(leaves.get(index), (index + 1) % size, size, path, root))
                            .as("another index")
                            .isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndATamperedOneDoesNot() {
        List<byte[]> leaves = leaves(21);
        for (int second = 2; second <= leaves.size(); second++) {
            for (int first = 1; first < second; first++) {
                byte[] firstRoot = MerkleTree.root(leaves, 0, first);
                byte[] secondRoot = MerkleTree.root(leaves, 0, second);
                List<byte[]> proof = MerkleTree.consistencyProof(leaves, first, second);
                assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, proof))
                        .as("%d -> %d", first, second)
                        .isTrue();
                // a history that rewrote one of the first leaves has another old root
                List<byte[]> rewritten = new ArrayList<>(leaves);
                rewritten.set(first - 1, leaves.get(leaves.size() - 1));
                assertThat(MerkleTree.verifyConsistency(
                                first, second, MerkleTree.root(rewritten, 0, first), secondRoot, proof))
                        .as("rewritten %d -> %d", first, second)
                        .isFalse();
            }
        }
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleTree.leafHash(Sha256.digest(("record " + i).getBytes(StandardCharsets.UTF_8))));
        }
        return leaves;
    }

    private static byte[] node(byte[] left, byte[] right) {
        byte[] input = new byte[65];
        input[0] = 1;
        System.arraycopy(left, 0, input, 1, 32);
        System.arraycopy(right, 0, input, 33, 32);
        return Sha256.digest(input);
    }
}
