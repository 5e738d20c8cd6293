/**
 * The CDS Hooks 2.0 HTTP surface: discovery, service calls and their errors. Wire types are named {@code *Json}
 * and use the specification's field names; they never carry {@code null} or empty members (the one exception,
 * per the spec, is {@code "cards": []}). One generic {@code POST /cds-services/{id}} serves every hook through
 * the {@link org.ketaminecds.cdshooks.ServiceCatalogue}.
 */
package org.ketaminecds.cdshooks;
