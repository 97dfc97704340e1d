package dev.takedownfixture.diagrams;

import org.springframework.stereotype.Component;

/** Named after its class, but not a delegate. */
@Component("archiveCase")
class ArchiveCase {}
