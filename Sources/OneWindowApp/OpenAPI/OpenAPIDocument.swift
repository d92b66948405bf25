// The OpenAPI 3.1 document of the whole API, served at /api/v1/openapi.json.
// A test checks that its paths are exactly the route table's.
enum OpenAPIDocument {
    static let json = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "OneWindow (一窗通) hall API",
            "version": "1.0.0",
            "description": "The service hall's catalogue, guides and health. JSON in UTF-8. Every error has the body {\"error\":{\"code\":\"snake_case\",\"message\":\"…\"}}. Catalogue responses carry an ETag; send If-None-Match to get 304. Unknown query parameters are answered 400 unknown_parameter; a body on a GET is answered 400 body_not_allowed."
          },
          "servers": [{ "url": "http://127.0.0.1:8080" }],
          "paths": {
            "/api/v1/services": {
              "get": {
                "operationId": "listServices",
                "summary": "List or search service items",
                "description": "Without parameters, every item in catalogue order. `q` searches Chinese text across names, aliases, keywords and material names (substring match, so two-character queries such as 低保 or 结婚 work); name matches rank first. `category` filters by category name.",
                "parameters": [
                  { "name": "q", "in": "query", "required": false, "schema": { "type": "string", "maxLength": 100 } },
                  { "name": "category", "in": "query", "required": false, "schema": { "type": "string", "maxLength": 100 } }
                ],
                "responses": {
                  "200": { "description": "The matching items", "headers": { "ETag": { "$ref": "#/components/headers/ETag" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ServiceList" } } } },
                  "304": { "description": "Not modified (If-None-Match matched)" },
                  "400": { "$ref": "#/components/responses/BadRequest" }
                }
              }
            },
            "/api/v1/services/{id}": {
              "get": {
                "operationId": "getService",
                "summary": "The whole guide (办事指南) of one service item",
                "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
                "responses": {
                  "200": { "description": "The guide", "headers": { "ETag": { "$ref": "#/components/headers/ETag" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ServiceGuide" } } } },
                  "304": { "description": "Not modified (If-None-Match matched)" },
                  "404": { "description": "No such item (code service_not_found)", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
                }
              }
            },
            "/api/v1/categories": {
              "get": {
                "operationId": "listCategories",
                "summary": "Categories in catalogue order, with item counts",
                "responses": {
                  "200": { "description": "The categories", "headers": { "ETag": { "$ref": "#/components/headers/ETag" } }, "content": { "application/json": { "schema": { "type": "object", "required": ["categories"], "properties": { "categories": { "type": "array", "items": { "$ref": "#/components/schemas/Category" } } } } } } },
                  "304": { "description": "Not modified (If-None-Match matched)" }
                }
              }
            },
            "/api/v1/hall": {
              "get": {
                "operationId": "getHall",
                "summary": "The hall: name, time zone, address, hours and windows",
                "responses": {
                  "200": { "description": "The hall", "headers": { "ETag": { "$ref": "#/components/headers/ETag" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Hall" } } } },
                  "304": { "description": "Not modified (If-None-Match matched)" }
                }
              }
            },
            "/api/v1/openapi.json": {
              "get": {
                "operationId": "getOpenAPI",
                "summary": "This document",
                "responses": { "200": { "description": "The OpenAPI 3.1 document", "content": { "application/json": { "schema": { "type": "object" } } } } }
              }
            },
            "/healthz": {
              "get": {
                "operationId": "health",
                "summary": "Liveness and readiness: the catalogue loaded and the database reachable",
                "responses": {
                  "200": { "description": "Healthy", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Health" } } } },
                  "503": { "description": "The database cannot be read", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Health" } } } }
                }
              }
            },
            "/": {
              "get": {
                "operationId": "homePage",
                "summary": "HTML: search box, categories, results",
                "parameters": [
                  { "name": "q", "in": "query", "required": false, "schema": { "type": "string", "maxLength": 100 } },
                  { "name": "category", "in": "query", "required": false, "schema": { "type": "string", "maxLength": 100 } }
                ],
                "responses": {
                  "200": { "description": "The page (zh-CN, no JavaScript)", "content": { "text/html": { "schema": { "type": "string" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" }
                }
              }
            },
            "/guides/{id}": {
              "get": {
                "operationId": "guidePage",
                "summary": "HTML: the whole guide with the materials as a printable checklist",
                "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
                "responses": {
                  "200": { "description": "The guide page", "content": { "text/html": { "schema": { "type": "string" } } } },
                  "404": { "description": "An HTML page saying the item does not exist", "content": { "text/html": { "schema": { "type": "string" } } } }
                }
              }
            }
          },
          "components": {
            "headers": {
              "ETag": { "description": "Strong entity tag of the body; send it back in If-None-Match", "schema": { "type": "string" } }
            },
            "responses": {
              "BadRequest": { "description": "A bad query parameter (unknown_parameter, invalid_parameter) or a body where none belongs (body_not_allowed)", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
            },
            "schemas": {
              "Error": {
                "type": "object", "required": ["error"],
                "properties": { "error": { "type": "object", "required": ["code", "message"], "properties": {
                  "code": { "type": "string", "description": "snake_case, one HTTP status per code", "examples": ["route_not_found", "method_not_allowed", "service_not_found", "unknown_parameter", "invalid_parameter", "body_not_allowed", "malformed_body", "body_too_large", "unsupported_media_type"] },
                  "message": { "type": "string" } } } }
              },
              "ServiceSummary": {
                "type": "object",
                "required": ["id", "name", "category", "itemType", "department", "visitsPromised", "onlineAvailable", "promisedDays", "queuePrefix", "guideUrl"],
                "properties": {
                  "id": { "type": "string" }, "name": { "type": "string" }, "nameEn": { "type": "string" },
                  "category": { "type": "string" }, "itemType": { "type": "string" }, "department": { "type": "string" },
                  "visitsPromised": { "type": "integer", "minimum": 0, "maximum": 2 },
                  "onlineAvailable": { "type": "boolean" },
                  "promisedDays": { "type": "integer", "minimum": 0 },
                  "queuePrefix": { "type": "string", "pattern": "^[A-Z]$" },
                  "guideUrl": { "type": "string" }
                }
              },
              "ServiceList": {
                "type": "object", "required": ["services", "total"],
                "properties": { "services": { "type": "array", "items": { "$ref": "#/components/schemas/ServiceSummary" } }, "total": { "type": "integer" } }
              },
              "Material": {
                "type": "object", "required": ["name", "form", "copies", "required"],
                "properties": { "name": { "type": "string" }, "form": { "enum": ["original", "copy", "originalAndCopy"] }, "copies": { "type": "integer", "minimum": 1 }, "required": { "type": "boolean" }, "note": { "type": "string" } }
              },
              "ServiceGuide": {
                "type": "object",
                "required": ["id", "name", "category", "department", "itemType", "legalBasis", "conditions", "materials", "steps", "timeLimit", "fee", "place", "hours", "phones", "online", "visitsPromised", "aliases", "keywords", "queuePrefix", "windows"],
                "properties": {
                  "id": { "type": "string" }, "name": { "type": "string" }, "nameEn": { "type": "string" },
                  "category": { "type": "string" }, "department": { "type": "string" }, "itemType": { "type": "string" },
                  "legalBasis": { "type": "array", "items": { "type": "object", "required": ["title"], "properties": { "title": { "type": "string" }, "articles": { "type": "string" } } } },
                  "conditions": { "type": "array", "items": { "type": "string" } },
                  "materials": { "type": "array", "items": { "$ref": "#/components/schemas/Material" } },
                  "steps": { "type": "array", "items": { "type": "object", "required": ["title", "description"], "properties": { "title": { "type": "string" }, "description": { "type": "string" } } } },
                  "timeLimit": { "type": "object", "required": ["statutoryDays", "promisedDays"], "properties": { "statutoryDays": { "type": "integer", "minimum": 0 }, "promisedDays": { "type": "integer", "minimum": 0 }, "note": { "type": "string" } } },
                  "fee": { "type": "object", "required": ["free"], "properties": { "free": { "type": "boolean" }, "amount": { "type": "string" }, "basis": { "type": "string" } } },
                  "place": { "type": "string" }, "hours": { "type": "string" },
                  "phones": { "type": "object", "required": ["consultation", "complaint"], "properties": { "consultation": { "type": "string" }, "complaint": { "type": "string" } } },
                  "online": { "type": "object", "required": ["available"], "properties": { "available": { "type": "boolean" }, "note": { "type": "string" } } },
                  "visitsPromised": { "type": "integer", "minimum": 0, "maximum": 2 },
                  "aliases": { "type": "array", "items": { "type": "string" } },
                  "keywords": { "type": "array", "items": { "type": "string" } },
                  "queuePrefix": { "type": "string", "pattern": "^[A-Z]$" },
                  "windows": { "type": "array", "items": { "type": "object", "required": ["id", "name"], "properties": { "id": { "type": "string" }, "name": { "type": "string" } } } }
                }
              },
              "Category": { "type": "object", "required": ["name", "count"], "properties": { "name": { "type": "string" }, "count": { "type": "integer" } } },
              "Window": {
                "type": "object", "required": ["id", "name", "kind", "services"],
                "properties": { "id": { "type": "string" }, "name": { "type": "string" }, "kind": { "enum": ["comprehensive", "specialised"] }, "services": { "type": "array", "items": { "type": "string" } } }
              },
              "Hall": {
                "type": "object", "required": ["name", "timeZone", "address", "hours", "windows"],
                "properties": { "name": { "type": "string" }, "nameEn": { "type": "string" }, "timeZone": { "type": "string" }, "address": { "type": "string" }, "hours": { "type": "string" }, "windows": { "type": "array", "items": { "$ref": "#/components/schemas/Window" } } }
              },
              "Health": {
                "type": "object", "required": ["status", "database", "catalogue"],
                "properties": { "status": { "enum": ["ok", "degraded"] }, "database": { "enum": ["ok", "unreachable"] },
                  "catalogue": { "type": "object", "required": ["services", "version", "loadedAt"], "properties": { "services": { "type": "integer" }, "version": { "type": "string" }, "loadedAt": { "type": "string", "format": "date-time" } } } }
              }
            }
          }
        }
        """#
}
