/* Narrow C API around libxmlsec1 for SAML 2.0 signature verification.
 * Only plain C types cross this boundary, so Swift never imports xmlsec's
 * structs (whose layout depends on -DXMLSEC_NO_SIZE_T, see notes.md). */
#ifndef SAML_XMLSEC_H
#define SAML_XMLSEC_H
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

enum saml_signed_element {
    SAML_SIGNED_NONE = 0,
    SAML_SIGNED_ASSERTION = 1, /* the single <saml:Assertion> carried a valid enveloped signature */
    SAML_SIGNED_RESPONSE = 2   /* only the <samlp:Response> was signed (covers its one Assertion) */
};

typedef struct {
    int ok;                 /* 1 = verified, 0 = rejected (see error) */
    int signed_element;     /* enum saml_signed_element */
    char signed_id[256];    /* ID attribute value of the signed element */
    /* Exactly the bytes that were digested (exc-c14n of the signed element,
     * enveloped Signature removed, comments removed). malloc'd, NUL-terminated.
     * READ THE SAML DATA FROM THIS, NOT FROM THE ORIGINAL DOCUMENT. */
    char *signed_xml;
    size_t signed_xml_len;
    char error[512];
} saml_verify_result;

/* Call once per process (idempotent, thread-safe). Returns 0 on success. */
int saml_xmlsec_init(void);

/* Verify a decoded SAMLResponse document against the IdP's PEM certificate.
 * Returns 0 if verified (out->ok == 1), -1 otherwise. Always call
 * saml_xmlsec_result_free(out) afterwards. */
int saml_xmlsec_verify_response(const char *xml, size_t xml_len,
                                const char *cert_pem, size_t cert_pem_len,
                                saml_verify_result *out);

void saml_xmlsec_result_free(saml_verify_result *r);

/* Whether xml is one well-formed document with a root element and no DOCTYPE, parsed strictly
 * (no recovery, nothing fetched). Returns 0 if so; otherwise -1 with the reason in err.
 * Call before handing bytes to any other XML reader: Foundation's crashes on some bad input. */
int saml_xml_check(const char *xml, size_t xml_len, char *err, size_t err_len);

/* The Value of the Response's top-level Status/StatusCode, which lies outside any signature.
 * Returns 0 and fills out if found; -1 otherwise. */
int saml_response_status(const char *xml, size_t xml_len, char *out, size_t out_len);

#ifdef __cplusplus
}
#endif
#endif
