import Foundation

/// Writes PREMIS 3.0 preservation metadata: the representation and its files with their
/// checksums, sizes and formats, and the events and agents of the record.
enum PackagePREMIS {
    static func document(
        representation: String, files: [ArchiveFile], events: [PreservationEvent], agents: [PreservationAgent],
        software: ArchiveSoftware, schemas: String
    ) -> String {
        let e = AtomFeedWriter.escape
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <premis:premis xmlns:premis="http://www.loc.gov/premis/v3" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://www.loc.gov/premis/v3 \(schemas)premis.xsd" version="3.0">
              <premis:object xsi:type="premis:representation">
                \(identifier("object", representation))
                <premis:relationship>
                  <premis:relationshipType>structural</premis:relationshipType>
                  <premis:relationshipSubType>has part</premis:relationshipSubType>

            """
        for file in files {
            out += "      " + identifier("relatedObject", file.path) + "\n"
        }
        out += "    </premis:relationship>\n  </premis:object>\n"
        for file in files {
            out += "  <premis:object xsi:type=\"premis:file\">\n"
            out += "    " + identifier("object", file.path) + "\n"
            out += "    <premis:objectCharacteristics>\n"
            out += "      <premis:compositionLevel>0</premis:compositionLevel>\n"
            out += "      <premis:fixity>\n"
            out += "        <premis:messageDigestAlgorithm>SHA-256</premis:messageDigestAlgorithm>\n"
            out += "        <premis:messageDigest>\(file.checksum.lowercased())</premis:messageDigest>\n"
            out += "        <premis:messageDigestOriginator>\(e(software.name))</premis:messageDigestOriginator>\n"
            out += "      </premis:fixity>\n"
            out += "      <premis:size>\(file.size)</premis:size>\n"
            out += "      <premis:format>\n        <premis:formatDesignation>\n"
            out += "          <premis:formatName>\(e(file.format.name))</premis:formatName>\n"
            if let version = file.format.version {
                out += "          <premis:formatVersion>\(e(version))</premis:formatVersion>\n"
            }
            out += "        </premis:formatDesignation>\n"
            if let key = file.format.pronom {
                out += "        <premis:formatRegistry>\n"
                out += "          <premis:formatRegistryName>PRONOM</premis:formatRegistryName>\n"
                out += "          <premis:formatRegistryKey>\(e(key))</premis:formatRegistryKey>\n"
                out += "          <premis:formatRegistryRole>specification</premis:formatRegistryRole>\n"
                out += "        </premis:formatRegistry>\n"
            }
            out += "      </premis:format>\n    </premis:objectCharacteristics>\n"
            out += "    <premis:originalName>\(e(file.name))</premis:originalName>\n  </premis:object>\n"
        }
        for (number, event) in events.enumerated() {
            out += "  <premis:event>\n"
            out += "    " + identifier("event", "event-\(number + 1)") + "\n"
            out += "    <premis:eventType>\(e(event.type))</premis:eventType>\n"
            out += "    <premis:eventDateTime>\(e(event.date))</premis:eventDateTime>\n"
            out += "    <premis:eventDetailInformation><premis:eventDetail>\(e(event.detail))"
            out += "</premis:eventDetail></premis:eventDetailInformation>\n"
            out += "    <premis:eventOutcomeInformation><premis:eventOutcome>success"
            out += "</premis:eventOutcome></premis:eventOutcomeInformation>\n"
            for agent in event.agents {
                out += "    <premis:linkingAgentIdentifier>"
                out += "<premis:linkingAgentIdentifierType>local</premis:linkingAgentIdentifierType>"
                out += "<premis:linkingAgentIdentifierValue>\(e(agent.id))</premis:linkingAgentIdentifierValue>"
                out += "<premis:linkingAgentRole>\(e(agent.role))</premis:linkingAgentRole>"
                out += "</premis:linkingAgentIdentifier>\n"
            }
            for file in files {
                out += "    " + identifier("linkingObject", file.path) + "\n"
            }
            out += "  </premis:event>\n"
        }
        for agent in agents {
            out += "  <premis:agent>\n"
            out += "    " + identifier("agent", agent.id) + "\n"
            out += "    <premis:agentName>\(e(agent.name))</premis:agentName>\n"
            out += "    <premis:agentType>\(e(agent.type))</premis:agentType>\n"
            if let version = agent.version {
                out += "    <premis:agentVersion>\(e(version))</premis:agentVersion>\n"
            }
            out += "  </premis:agent>\n"
        }
        out += "</premis:premis>\n"
        return out
    }

    /// `<premis:objectIdentifier>` and its kin: a local identifier of the given kind.
    static func identifier(_ kind: String, _ value: String) -> String {
        "<premis:\(kind)Identifier><premis:\(kind)IdentifierType>local</premis:\(kind)IdentifierType>"
            + "<premis:\(kind)IdentifierValue>\(AtomFeedWriter.escape(value))</premis:\(kind)IdentifierValue>"
            + "</premis:\(kind)Identifier>"
    }
}
