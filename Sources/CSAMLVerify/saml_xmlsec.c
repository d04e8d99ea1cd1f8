/* SAML 2.0 Response signature verification with libxmlsec1 (OpenSSL backend).
 *
 * Must be compiled with the same defines the Debian library was built with
 * (from `pkg-config --cflags xmlsec1`), in particular XMLSEC_NO_SIZE_T and
 * XMLSEC_CRYPTO_OPENSSL. They are repeated here so the file is self-contained
 * even when SwiftPM drops the -D flags of the .pc file (it keeps only -I/-F). */
#ifndef XMLSEC_NO_SIZE_T
#define XMLSEC_NO_SIZE_T 1
#endif
#ifndef XMLSEC_CRYPTO_OPENSSL
#define XMLSEC_CRYPTO_OPENSSL 1
#endif
#ifndef XMLSEC_NO_CRYPTO_DYNAMIC_LOADING
#define XMLSEC_NO_CRYPTO_DYNAMIC_LOADING 1
#endif
#ifndef XMLSEC_NO_GOST
#define XMLSEC_NO_GOST 1
#endif
#ifndef XMLSEC_NO_GOST2012
#define XMLSEC_NO_GOST2012 1
#endif
#ifndef XMLSEC_OPENSSL3_ENGINES
#define XMLSEC_OPENSSL3_ENGINES 1
#endif

#include "saml_xmlsec.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/valid.h>

#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/transforms.h>
#include <xmlsec/keys.h>
#include <xmlsec/errors.h>
#include <xmlsec/crypto.h>

#define NS_PROTOCOL  "urn:oasis:names:tc:SAML:2.0:protocol"
#define NS_ASSERTION "urn:oasis:names:tc:SAML:2.0:assertion"
#define NS_DSIG      "http://www.w3.org/2000/09/xmldsig#"

static pthread_once_t g_once = PTHREAD_ONCE_INIT;
static int g_init_rc = -1;

static void quiet_errors(const char *file, int line, const char *func, const char *obj,
                         const char *subj, int reason, const char *msg) {
    (void)file; (void)line; (void)func; (void)obj; (void)subj; (void)reason; (void)msg;
    /* keep stderr clean; failures are reported through saml_verify_result.error */
}

static void do_init(void) {
    xmlInitParser();
    LIBXML_TEST_VERSION
    if (xmlSecInit() < 0) return;
    if (xmlSecCheckVersion() != 1) return;           /* headers vs. library version */
    if (xmlSecCryptoAppInit(NULL) < 0) return;       /* = xmlSecOpenSSLAppInit */
    if (xmlSecCryptoInit() < 0) return;              /* = xmlSecOpenSSLInit */
    if (getenv("SAML_XMLSEC_DEBUG") == NULL) xmlSecErrorsSetCallback(quiet_errors);
    g_init_rc = 0;
}

int saml_xmlsec_init(void) {
    pthread_once(&g_once, do_init);
    return g_init_rc;
}

static int fail(saml_verify_result *out, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(out->error, sizeof(out->error), fmt, ap);
    va_end(ap);
    out->ok = 0;
    return -1;
}

static int is_el(xmlNodePtr n, const char *ns, const char *name) {
    return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
           xmlStrEqual(n->ns->href, BAD_CAST ns) && xmlStrEqual(n->name, BAD_CAST name);
}

/* Count elements with local name `name` in ANY namespace (or none): an attacker
 * must not be able to hide a second Assertion behind an odd namespace. */
static int count_local(xmlNodePtr n, const char *name) {
    int c = 0;
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE) {
            if (xmlStrEqual(n->name, BAD_CAST name)) c++;
            c += count_local(n->children, name);
        }
    }
    return c;
}

/* Only child element <ns:name> of parent; returns NULL if none, sets *dups if more than one. */
static xmlNodePtr only_child(xmlNodePtr parent, const char *ns, const char *name, int *dups) {
    xmlNodePtr found = NULL;
    *dups = 0;
    for (xmlNodePtr c = parent->children; c; c = c->next) {
        if (is_el(c, ns, name)) {
            if (found) *dups = 1;
            else found = c;
        }
    }
    return found;
}

/* Register ID="..." of elem as an XML ID; refuse duplicates (also against xml:id). */
static int register_id(xmlDocPtr doc, xmlNodePtr elem, saml_verify_result *out) {
    xmlAttrPtr attr = xmlHasProp(elem, BAD_CAST "ID");
    if (!attr) return fail(out, "<%s> has no ID attribute", (const char *)elem->name);
    xmlChar *val = xmlNodeListGetString(doc, attr->children, 1);
    if (!val || !*val) { xmlFree(val); return fail(out, "empty ID"); }
    xmlAttrPtr existing = xmlGetID(doc, val);
    if (existing && existing != attr) {
        xmlFree(val);
        return fail(out, "duplicate ID in document");
    }
    if (!existing && xmlAddID(NULL, doc, val, attr) == NULL) {
        xmlFree(val);
        return fail(out, "xmlAddID failed (duplicate ID?)");
    }
    xmlFree(val);
    return 0;
}

/* Signature must be SAML-profile shaped: one Reference, URI="#<parent ID>". */
static int check_signature_shape(xmlDocPtr doc, xmlNodePtr sig, xmlNodePtr parent, saml_verify_result *out) {
    int dups;
    xmlNodePtr si = only_child(sig, NS_DSIG, "SignedInfo", &dups);
    if (!si || dups) return fail(out, "Signature must have one SignedInfo");
    xmlNodePtr ref = only_child(si, NS_DSIG, "Reference", &dups);
    if (!ref || dups) return fail(out, "SignedInfo must have exactly one Reference");
    if (only_child(sig, NS_DSIG, "Object", &dups)) return fail(out, "ds:Object not allowed in SAML signature");
    xmlChar *uri = xmlGetProp(ref, BAD_CAST "URI");
    xmlChar *id = xmlGetProp(parent, BAD_CAST "ID");
    int okuri = uri && id && uri[0] == '#' && xmlStrEqual(uri + 1, id);
    if (okuri) snprintf(out->signed_id, sizeof(out->signed_id), "%s", (const char *)id);
    xmlFree(uri);
    xmlFree(id);
    (void)doc;
    if (!okuri) return fail(out, "Reference URI must be \"#\" + ID of the signed element");
    return 0;
}

static int verify_one(xmlDocPtr doc, xmlNodePtr sig, xmlNodePtr parent,
                      const char *cert_pem, size_t cert_len, saml_verify_result *out) {
    int rc = -1;
    xmlSecDSigCtxPtr ctx = NULL;

    if (check_signature_shape(doc, sig, parent, out) < 0) return -1;

    /* No keys manager: <ds:KeyInfo> in the document is never consulted. */
    ctx = xmlSecDSigCtxCreate(NULL);
    if (!ctx) return fail(out, "xmlSecDSigCtxCreate failed");

    /* Pinned IdP key taken from its certificate (PEM). */
    ctx->signKey = xmlSecCryptoAppKeyLoadMemory((const xmlSecByte *)cert_pem, (xmlSecSize)cert_len,
                                                xmlSecKeyDataFormatCertPem, NULL, NULL, NULL);
    if (!ctx->signKey) { fail(out, "cannot load IdP certificate"); goto done; }

    ctx->flags |= XMLSEC_DSIG_FLAGS_STORE_SIGNEDINFO_REFERENCES | XMLSEC_DSIG_FLAGS_IGNORE_MANIFESTS;
    ctx->enabledReferenceUris = xmlSecTransformUriTypeSameDocument;   /* "#id" only: no "", no file/http */

    /* Allow-lists (non-empty list = only these). SAML profile: enveloped + exc-c14n. */
    if (xmlSecDSigCtxEnableReferenceTransform(ctx, xmlSecTransformEnvelopedId) < 0 ||
        xmlSecDSigCtxEnableReferenceTransform(ctx, xmlSecTransformExclC14NId) < 0 ||
        xmlSecDSigCtxEnableReferenceTransform(ctx, xmlSecTransformSha256Id) < 0 ||   /* DigestMethod */
        xmlSecDSigCtxEnableSignatureTransform(ctx, xmlSecTransformExclC14NId) < 0 || /* C14N method */
        xmlSecDSigCtxEnableSignatureTransform(ctx, xmlSecTransformRsaSha256Id) < 0) {
        fail(out, "cannot set transform allow-lists");
        goto done;
    }

    if (xmlSecDSigCtxVerify(ctx, sig) < 0) { fail(out, "signature processing failed"); goto done; }
    if (ctx->status != xmlSecDSigStatusSucceeded) { fail(out, "signature invalid"); goto done; }

    /* Which node did the signature cover? One reference, succeeded, URI #ID
     * that resolves (via the same ID table xmlsec used) to `parent`. */
    if (xmlSecPtrListGetSize(&ctx->signedInfoReferences) != 1) { fail(out, "expected 1 reference"); goto done; }
    xmlSecDSigReferenceCtxPtr ref = (xmlSecDSigReferenceCtxPtr)xmlSecPtrListGetItem(&ctx->signedInfoReferences, 0);
    if (!ref || ref->status != xmlSecDSigStatusSucceeded || !ref->uri || ref->uri[0] != '#') {
        fail(out, "reference not verified");
        goto done;
    }
    xmlAttrPtr idattr = xmlGetID(doc, ref->uri + 1);
    if (!idattr || idattr->parent != parent) { fail(out, "signed node is not the expected element"); goto done; }

    xmlSecBufferPtr pre = xmlSecDSigReferenceCtxGetPreDigestBuffer(ref);
    if (!pre) { fail(out, "no pre-digest buffer"); goto done; }
    size_t n = xmlSecBufferGetSize(pre);
    out->signed_xml = malloc(n + 1);
    if (!out->signed_xml) { fail(out, "oom"); goto done; }
    memcpy(out->signed_xml, xmlSecBufferGetData(pre), n);
    out->signed_xml[n] = '\0';
    out->signed_xml_len = n;
    rc = 0;
done:
    xmlSecDSigCtxDestroy(ctx);  /* also destroys ctx->signKey */
    return rc;
}

int saml_xmlsec_verify_response(const char *xml, size_t xml_len,
                                const char *cert_pem, size_t cert_len,
                                saml_verify_result *out) {
    memset(out, 0, sizeof(*out));
    if (saml_xmlsec_init() != 0) return fail(out, "xmlsec init failed");
    if (xml_len > 1024 * 1024) return fail(out, "document too large");

    /* No DTD loading, no entity substitution, no network. */
    xmlDocPtr doc = xmlReadMemory(xml, (int)xml_len, "saml-response.xml", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc) return fail(out, "not well-formed XML");
    int rc = -1;
    int dups;

    if (doc->intSubset || doc->extSubset) { fail(out, "DOCTYPE not allowed"); goto done; }
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!is_el(root, NS_PROTOCOL, "Response")) { fail(out, "root is not samlp:Response"); goto done; }

    /* Exactly one Assertion anywhere (any namespace), and it is a direct child of Response. */
    if (count_local(root, "EncryptedAssertion") != 0) { fail(out, "EncryptedAssertion not supported"); goto done; }
    if (count_local(root, "Assertion") != 1) { fail(out, "expected exactly one Assertion"); goto done; }
    xmlNodePtr assertion = only_child(root, NS_ASSERTION, "Assertion", &dups);
    if (!assertion || dups) { fail(out, "Assertion must be a direct child of Response"); goto done; }
    /* At most Response/Signature and Assertion/Signature. */
    if (count_local(root, "Signature") > 2) { fail(out, "unexpected extra Signature elements"); goto done; }

    if (register_id(doc, root, out) < 0 || register_id(doc, assertion, out) < 0) goto done;

    xmlNodePtr asig = only_child(assertion, NS_DSIG, "Signature", &dups);
    if (dups) { fail(out, "more than one Assertion Signature"); goto done; }
    xmlNodePtr rsig = only_child(root, NS_DSIG, "Signature", &dups);
    if (dups) { fail(out, "more than one Response Signature"); goto done; }

    if (asig) {
        if (verify_one(doc, asig, assertion, cert_pem, cert_len, out) < 0) goto done;
        out->signed_element = SAML_SIGNED_ASSERTION;
        /* If the Response is signed too, it must verify as well. */
        if (rsig) {
            saml_verify_result tmp;
            memset(&tmp, 0, sizeof(tmp));
            if (verify_one(doc, rsig, root, cert_pem, cert_len, &tmp) < 0) {
                snprintf(out->error, sizeof(out->error), "Response signature: %.400s", tmp.error);
                saml_xmlsec_result_free(&tmp);
                free(out->signed_xml); out->signed_xml = NULL; out->signed_xml_len = 0;
                goto done;
            }
            saml_xmlsec_result_free(&tmp);
        }
    } else if (rsig) {
        if (verify_one(doc, rsig, root, cert_pem, cert_len, out) < 0) goto done;
        out->signed_element = SAML_SIGNED_RESPONSE;
    } else {
        fail(out, "neither Assertion nor Response is signed");
        goto done;
    }
    out->ok = 1;
    rc = 0;
done:
    xmlFreeDoc(doc);
    return rc;
}

void saml_xmlsec_result_free(saml_verify_result *r) {
    if (!r) return;
    free(r->signed_xml);
    r->signed_xml = NULL;
    r->signed_xml_len = 0;
}

/* Strict parse shared by the two helpers below: NULL (and err filled) unless the bytes are one
 * well-formed document with a root element and no DOCTYPE. */
static xmlDocPtr strict_parse(const char *xml, size_t xml_len, char *err, size_t err_len) {
    if (saml_xmlsec_init() != 0) { snprintf(err, err_len, "xmlsec init failed"); return NULL; }
    if (!xml || xml_len == 0) { snprintf(err, err_len, "empty document"); return NULL; }
    if (xml_len > 4 * 1024 * 1024) { snprintf(err, err_len, "document too large"); return NULL; }
    xmlDocPtr doc = xmlReadMemory(xml, (int)xml_len, "document.xml", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc) { snprintf(err, err_len, "not well-formed XML"); return NULL; }
    if (doc->intSubset || doc->extSubset) {
        xmlFreeDoc(doc);
        snprintf(err, err_len, "DOCTYPE not allowed");
        return NULL;
    }
    if (!xmlDocGetRootElement(doc)) {
        xmlFreeDoc(doc);
        snprintf(err, err_len, "no root element");
        return NULL;
    }
    return doc;
}

int saml_xml_check(const char *xml, size_t xml_len, char *err, size_t err_len) {
    xmlDocPtr doc = strict_parse(xml, xml_len, err, err_len);
    if (!doc) return -1;
    xmlFreeDoc(doc);
    return 0;
}

int saml_response_status(const char *xml, size_t xml_len, char *out, size_t out_len) {
    char err[128];
    if (out_len > 0) out[0] = '\0';
    xmlDocPtr doc = strict_parse(xml, xml_len, err, sizeof(err));
    if (!doc) return -1;
    int rc = -1;
    int dups;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (is_el(root, NS_PROTOCOL, "Response")) {
        xmlNodePtr status = only_child(root, NS_PROTOCOL, "Status", &dups);
        xmlNodePtr code = status ? only_child(status, NS_PROTOCOL, "StatusCode", &dups) : NULL;
        xmlChar *value = code ? xmlGetProp(code, BAD_CAST "Value") : NULL;
        if (value) {
            snprintf(out, out_len, "%s", (const char *)value);
            xmlFree(value);
            rc = 0;
        }
    }
    xmlFreeDoc(doc);
    return rc;
}
