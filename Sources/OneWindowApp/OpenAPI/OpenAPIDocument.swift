// The OpenAPI 3.1 document of the whole API, served at /api/v1/openapi.json.
// A test checks that its paths are exactly the route table's.
enum OpenAPIDocument {
    static let json = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "OneWindow (一窗通) hall API",
            "version": "1.0.0",
            "description": "The service hall's catalogue, guides and health. JSON in UTF-8. Every error has the body {\"error\":{\"code\":\"snake_case\",\"message\":\"…\"}}. Catalogue responses carry an ETag; send If-None-Match to get 304. Unknown query parameters are answered 400 unknown_parameter; a body on a GET is answered 400 body_not_allowed. Kiosk and clerk endpoints need `Authorization: Bearer TOKEN` (tokens from `onewindowd token create`): a missing, unknown or revoked token gets 401 unauthorized, a token of the wrong role 403 forbidden. Kiosk endpoints take kiosk or admin tokens, clerk endpoints clerk or admin tokens. Queue writes are answered only after they are durably committed."
          },
          "servers": [
            {
              "url": "http://127.0.0.1:8080"
            }
          ],
          "paths": {
            "/api/v1/services": {
              "get": {
                "operationId": "listServices",
                "summary": "List or search service items",
                "description": "Without parameters, every item in catalogue order. `q` searches Chinese text across names, aliases, keywords and material names (substring match, so two-character queries such as 低保 or 结婚 work); name matches rank first. `category` filters by category name.",
                "parameters": [
                  {
                    "name": "q",
                    "in": "query",
                    "required": false,
                    "schema": {
                      "type": "string",
                      "maxLength": 100
                    }
                  },
                  {
                    "name": "category",
                    "in": "query",
                    "required": false,
                    "schema": {
                      "type": "string",
                      "maxLength": 100
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The matching items",
                    "headers": {
                      "ETag": {
                        "$ref": "#/components/headers/ETag"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ServiceList"
                        }
                      }
                    }
                  },
                  "304": {
                    "description": "Not modified (If-None-Match matched)"
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  }
                }
              }
            },
            "/api/v1/services/{id}": {
              "get": {
                "operationId": "getService",
                "summary": "The whole guide (办事指南) of one service item",
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The guide",
                    "headers": {
                      "ETag": {
                        "$ref": "#/components/headers/ETag"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ServiceGuide"
                        }
                      }
                    }
                  },
                  "304": {
                    "description": "Not modified (If-None-Match matched)"
                  },
                  "404": {
                    "description": "No such item (code service_not_found)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/categories": {
              "get": {
                "operationId": "listCategories",
                "summary": "Categories in catalogue order, with item counts",
                "responses": {
                  "200": {
                    "description": "The categories",
                    "headers": {
                      "ETag": {
                        "$ref": "#/components/headers/ETag"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "categories"
                          ],
                          "properties": {
                            "categories": {
                              "type": "array",
                              "items": {
                                "$ref": "#/components/schemas/Category"
                              }
                            }
                          }
                        }
                      }
                    }
                  },
                  "304": {
                    "description": "Not modified (If-None-Match matched)"
                  }
                }
              }
            },
            "/api/v1/hall": {
              "get": {
                "operationId": "getHall",
                "summary": "The hall: name, time zone, address, hours and windows",
                "responses": {
                  "200": {
                    "description": "The hall",
                    "headers": {
                      "ETag": {
                        "$ref": "#/components/headers/ETag"
                      }
                    },
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Hall"
                        }
                      }
                    }
                  },
                  "304": {
                    "description": "Not modified (If-None-Match matched)"
                  }
                }
              }
            },
            "/api/v1/openapi.json": {
              "get": {
                "operationId": "getOpenAPI",
                "summary": "This document",
                "responses": {
                  "200": {
                    "description": "The OpenAPI 3.1 document",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/healthz": {
              "get": {
                "operationId": "health",
                "summary": "Liveness and readiness: the catalogue loaded and the database reachable",
                "responses": {
                  "200": {
                    "description": "Healthy",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Health"
                        }
                      }
                    }
                  },
                  "503": {
                    "description": "The database cannot be read",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Health"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/": {
              "get": {
                "operationId": "homePage",
                "summary": "HTML: search box, categories, results",
                "parameters": [
                  {
                    "name": "q",
                    "in": "query",
                    "required": false,
                    "schema": {
                      "type": "string",
                      "maxLength": 100
                    }
                  },
                  {
                    "name": "category",
                    "in": "query",
                    "required": false,
                    "schema": {
                      "type": "string",
                      "maxLength": 100
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The page (zh-CN, no JavaScript)",
                    "content": {
                      "text/html": {
                        "schema": {
                          "type": "string"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  }
                }
              }
            },
            "/guides/{id}": {
              "get": {
                "operationId": "guidePage",
                "summary": "HTML: the whole guide with the materials as a printable checklist",
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The guide page",
                    "content": {
                      "text/html": {
                        "schema": {
                          "type": "string"
                        }
                      }
                    }
                  },
                  "404": {
                    "description": "An HTML page saying the item does not exist",
                    "content": {
                      "text/html": {
                        "schema": {
                          "type": "string"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/tickets": {
              "post": {
                "operationId": "issueTicket",
                "summary": "Take a queue ticket (kiosk)",
                "description": "Numbers are the service's queue prefix and a per-prefix sequence that restarts each hall-local day and is never reused within a day. Priority tickets (elderly, disabled, pregnant, military) are served first.",
                "security": [
                  {
                    "deviceToken": []
                  }
                ],
                "parameters": [
                  {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": false,
                    "schema": {
                      "type": "string",
                      "maxLength": 200
                    },
                    "description": "A kiosk's retry key: a repeated POST with the same key returns the same ticket"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "required": [
                          "serviceId"
                        ],
                        "properties": {
                          "serviceId": {
                            "type": "string"
                          },
                          "priority": {
                            "type": "boolean",
                            "default": false
                          }
                        }
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "The ticket (a repeated Idempotency-Key returns the same ticket)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Ticket"
                        }
                      }
                    }
                  },
                  "400": {
                    "description": "A bad body (malformed_body, naming the field) or a bad Idempotency-Key",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "404": {
                    "description": "service_not_found",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "422": {
                    "description": "No open window serves the service today (service_not_served); the message can be shown on the kiosk",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "503": {
                    "description": "The ticket could not be saved (storage_unavailable); nothing was issued",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "401": {
                    "description": "Missing, unknown or revoked token (unauthorized)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "403": {
                    "description": "The token's role may not use this endpoint (forbidden)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/tickets/{id}": {
              "get": {
                "operationId": "getTicket",
                "summary": "A ticket's public state: number, people ahead, estimated wait, window once called",
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The ticket",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Ticket"
                        }
                      }
                    }
                  },
                  "404": {
                    "description": "ticket_not_found (only today's tickets are kept in the queue)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/tickets/{id}/no-show": {
              "post": {
                "operationId": "noShow",
                "summary": "End a called ticket whose applicant did not come (after the configured number of calls, default 3)",
                "security": [
                  {
                    "deviceToken": []
                  }
                ],
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "required": [
                          "window"
                        ],
                        "properties": {
                          "window": {
                            "type": "string"
                          }
                        }
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The ticket",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/TicketEnvelope"
                        }
                      }
                    }
                  },
                  "401": {
                    "description": "Missing, unknown or revoked token (unauthorized)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "403": {
                    "description": "The token's role may not use this endpoint (forbidden)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "400": {
                    "description": "A bad body (malformed_body, naming the field)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "404": {
                    "description": "ticket_not_found or window_not_found",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "409": {
                    "description": "An illegal transition: ticket_waiting, ticket_called, ticket_completed, ticket_no_show, ticket_expired, ticket_at_other_window, too_few_calls",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "503": {
                    "description": "The change could not be saved (storage_unavailable)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/tickets/{id}/transfer": {
              "post": {
                "operationId": "transferTicket",
                "summary": "Put a called ticket back in the queue for another service, keeping its issue time",
                "security": [
                  {
                    "deviceToken": []
                  }
                ],
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "required": [
                          "window",
                          "serviceId"
                        ],
                        "properties": {
                          "window": {
                            "type": "string"
                          },
                          "serviceId": {
                            "type": "string"
                          }
                        }
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The ticket",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/TicketEnvelope"
                        }
                      }
                    }
                  },
                  "401": {
                    "description": "Missing, unknown or revoked token (unauthorized)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "403": {
                    "description": "The token's role may not use this endpoint (forbidden)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "400": {
                    "description": "A bad body (malformed_body, naming the field)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "404": {
                    "description": "ticket_not_found or window_not_found",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "409": {
                    "description": "An illegal transition: ticket_waiting, ticket_called, ticket_completed, ticket_no_show, ticket_expired, ticket_at_other_window, too_few_calls",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "503": {
                    "description": "The change could not be saved (storage_unavailable)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/tickets/{id}/complete": {
              "post": {
                "operationId": "completeTicket",
                "summary": "End the visit at the window",
                "security": [
                  {
                    "deviceToken": []
                  }
                ],
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "required": [
                          "window",
                          "outcome"
                        ],
                        "properties": {
                          "window": {
                            "type": "string"
                          },
                          "outcome": {
                            "enum": [
                              "completed"
                            ]
                          }
                        }
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The ticket",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/TicketEnvelope"
                        }
                      }
                    }
                  },
                  "401": {
                    "description": "Missing, unknown or revoked token (unauthorized)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "403": {
                    "description": "The token's role may not use this endpoint (forbidden)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "400": {
                    "description": "A bad body (malformed_body, naming the field)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "404": {
                    "description": "ticket_not_found or window_not_found",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "409": {
                    "description": "An illegal transition: ticket_waiting, ticket_called, ticket_completed, ticket_no_show, ticket_expired, ticket_at_other_window, too_few_calls",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "503": {
                    "description": "The change could not be saved (storage_unavailable)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/windows/{window}/call-next": {
              "post": {
                "operationId": "callNext",
                "summary": "Call the next ticket to this window: priority first, then the earliest issued, across every service the window takes",
                "security": [
                  {
                    "deviceToken": []
                  }
                ],
                "parameters": [
                  {
                    "name": "window",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The ticket",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/TicketEnvelope"
                        }
                      }
                    }
                  },
                  "204": {
                    "description": "Nothing waits for the services this window takes"
                  },
                  "401": {
                    "description": "Missing, unknown or revoked token (unauthorized)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "403": {
                    "description": "The token's role may not use this endpoint (forbidden)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "404": {
                    "description": "window_not_found",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "409": {
                    "description": "window_busy, window_paused or no_current_ticket",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "503": {
                    "description": "The change could not be saved (storage_unavailable)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/windows/{window}/recall": {
              "post": {
                "operationId": "recall",
                "summary": "Call the window's current ticket again (callCount + 1)",
                "security": [
                  {
                    "deviceToken": []
                  }
                ],
                "parameters": [
                  {
                    "name": "window",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The ticket",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/TicketEnvelope"
                        }
                      }
                    }
                  },
                  "401": {
                    "description": "Missing, unknown or revoked token (unauthorized)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "403": {
                    "description": "The token's role may not use this endpoint (forbidden)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "404": {
                    "description": "window_not_found",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "409": {
                    "description": "window_busy, window_paused or no_current_ticket",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "503": {
                    "description": "The change could not be saved (storage_unavailable)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/windows/{window}/pause": {
              "post": {
                "operationId": "pauseWindow",
                "summary": "Pause the window: it calls nothing and drops out of wait estimates",
                "security": [
                  {
                    "deviceToken": []
                  }
                ],
                "parameters": [
                  {
                    "name": "window",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The window",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "window"
                          ],
                          "properties": {
                            "window": {
                              "$ref": "#/components/schemas/WindowState"
                            }
                          }
                        }
                      }
                    }
                  },
                  "401": {
                    "description": "Missing, unknown or revoked token (unauthorized)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "403": {
                    "description": "The token's role may not use this endpoint (forbidden)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "404": {
                    "description": "window_not_found",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "409": {
                    "description": "window_busy, window_paused or no_current_ticket",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "503": {
                    "description": "The change could not be saved (storage_unavailable)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/windows/{window}/resume": {
              "post": {
                "operationId": "resumeWindow",
                "summary": "Resume a paused window",
                "security": [
                  {
                    "deviceToken": []
                  }
                ],
                "parameters": [
                  {
                    "name": "window",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The window",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "window"
                          ],
                          "properties": {
                            "window": {
                              "$ref": "#/components/schemas/WindowState"
                            }
                          }
                        }
                      }
                    }
                  },
                  "401": {
                    "description": "Missing, unknown or revoked token (unauthorized)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "403": {
                    "description": "The token's role may not use this endpoint (forbidden)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "404": {
                    "description": "window_not_found",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "409": {
                    "description": "window_busy, window_paused or no_current_ticket",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "503": {
                    "description": "The change could not be saved (storage_unavailable)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/windows": {
              "get": {
                "operationId": "listWindows",
                "summary": "Each window's state and current ticket number",
                "responses": {
                  "200": {
                    "description": "The windows",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "windows"
                          ],
                          "properties": {
                            "windows": {
                              "type": "array",
                              "items": {
                                "$ref": "#/components/schemas/WindowState"
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/queue": {
              "get": {
                "operationId": "queueState",
                "summary": "Waiting count per queue and the last 10 calls, for boards",
                "responses": {
                  "200": {
                    "description": "The queue",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/QueueState"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/hall/close-day": {
              "post": {
                "operationId": "closeDay",
                "summary": "End the hall's day now (admin): waiting and called tickets expire; later tickets continue the numbers",
                "security": [
                  {
                    "deviceToken": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "How many tickets expired",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "expired"
                          ],
                          "properties": {
                            "expired": {
                              "type": "integer"
                            }
                          }
                        }
                      }
                    }
                  },
                  "503": {
                    "description": "storage_unavailable",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "401": {
                    "description": "Missing, unknown or revoked token (unauthorized)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  },
                  "403": {
                    "description": "The token's role may not use this endpoint (forbidden)",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/events": {
              "get": {
                "operationId": "events",
                "summary": "Server-Sent Events for display boards",
                "description": "First a `state` event (the hall, the queues, the windows), then every committed queue event as it happens: `issued`, `called`, `recalled`, `no_show`, `transferred`, `completed`, `expired`, `paused`, `resumed`. Each carries its `id` (its row in the event log); a client that reconnects with `Last-Event-ID` first gets the events it missed.",
                "parameters": [
                  {
                    "name": "Last-Event-ID",
                    "in": "header",
                    "required": false,
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The event stream",
                    "content": {
                      "text/event-stream": {
                        "schema": {
                          "type": "string"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/board": {
              "get": {
                "operationId": "boardPage",
                "summary": "HTML: the hall display board (big call lines, last calls, waiting per queue); updates live and speaks each call",
                "responses": {
                  "200": {
                    "description": "The page",
                    "content": {
                      "text/html": {
                        "schema": {
                          "type": "string"
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "components": {
            "headers": {
              "ETag": {
                "description": "Strong entity tag of the body; send it back in If-None-Match",
                "schema": {
                  "type": "string"
                }
              }
            },
            "responses": {
              "BadRequest": {
                "description": "A bad query parameter (unknown_parameter, invalid_parameter) or a body where none belongs (body_not_allowed)",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              }
            },
            "schemas": {
              "Error": {
                "type": "object",
                "required": [
                  "error"
                ],
                "properties": {
                  "error": {
                    "type": "object",
                    "required": [
                      "code",
                      "message"
                    ],
                    "properties": {
                      "code": {
                        "type": "string",
                        "description": "snake_case, one HTTP status per code",
                        "examples": [
                          "route_not_found",
                          "method_not_allowed",
                          "service_not_found",
                          "unknown_parameter",
                          "invalid_parameter",
                          "body_not_allowed",
                          "malformed_body",
                          "body_too_large",
                          "unsupported_media_type",
                          "unauthorized",
                          "forbidden",
                          "ticket_not_found",
                          "window_not_found",
                          "service_not_served",
                          "ticket_waiting",
                          "window_busy",
                          "no_current_ticket",
                          "ticket_at_other_window",
                          "too_few_calls",
                          "storage_unavailable"
                        ]
                      },
                      "message": {
                        "type": "string"
                      }
                    }
                  }
                }
              },
              "ServiceSummary": {
                "type": "object",
                "required": [
                  "id",
                  "name",
                  "category",
                  "itemType",
                  "department",
                  "visitsPromised",
                  "onlineAvailable",
                  "promisedDays",
                  "queuePrefix",
                  "guideUrl"
                ],
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "name": {
                    "type": "string"
                  },
                  "nameEn": {
                    "type": "string"
                  },
                  "category": {
                    "type": "string"
                  },
                  "itemType": {
                    "type": "string"
                  },
                  "department": {
                    "type": "string"
                  },
                  "visitsPromised": {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 2
                  },
                  "onlineAvailable": {
                    "type": "boolean"
                  },
                  "promisedDays": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "queuePrefix": {
                    "type": "string",
                    "pattern": "^[A-Z]$"
                  },
                  "guideUrl": {
                    "type": "string"
                  }
                }
              },
              "ServiceList": {
                "type": "object",
                "required": [
                  "services",
                  "total"
                ],
                "properties": {
                  "services": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/ServiceSummary"
                    }
                  },
                  "total": {
                    "type": "integer"
                  }
                }
              },
              "Material": {
                "type": "object",
                "required": [
                  "name",
                  "form",
                  "copies",
                  "required"
                ],
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "form": {
                    "enum": [
                      "original",
                      "copy",
                      "originalAndCopy"
                    ]
                  },
                  "copies": {
                    "type": "integer",
                    "minimum": 1
                  },
                  "required": {
                    "type": "boolean"
                  },
                  "note": {
                    "type": "string"
                  }
                }
              },
              "ServiceGuide": {
                "type": "object",
                "required": [
                  "id",
                  "name",
                  "category",
                  "department",
                  "itemType",
                  "legalBasis",
                  "conditions",
                  "materials",
                  "steps",
                  "timeLimit",
                  "fee",
                  "place",
                  "hours",
                  "phones",
                  "online",
                  "visitsPromised",
                  "aliases",
                  "keywords",
                  "queuePrefix",
                  "windows"
                ],
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "name": {
                    "type": "string"
                  },
                  "nameEn": {
                    "type": "string"
                  },
                  "category": {
                    "type": "string"
                  },
                  "department": {
                    "type": "string"
                  },
                  "itemType": {
                    "type": "string"
                  },
                  "legalBasis": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": [
                        "title"
                      ],
                      "properties": {
                        "title": {
                          "type": "string"
                        },
                        "articles": {
                          "type": "string"
                        }
                      }
                    }
                  },
                  "conditions": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  "materials": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Material"
                    }
                  },
                  "steps": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": [
                        "title",
                        "description"
                      ],
                      "properties": {
                        "title": {
                          "type": "string"
                        },
                        "description": {
                          "type": "string"
                        }
                      }
                    }
                  },
                  "timeLimit": {
                    "type": "object",
                    "required": [
                      "statutoryDays",
                      "promisedDays"
                    ],
                    "properties": {
                      "statutoryDays": {
                        "type": "integer",
                        "minimum": 0
                      },
                      "promisedDays": {
                        "type": "integer",
                        "minimum": 0
                      },
                      "note": {
                        "type": "string"
                      }
                    }
                  },
                  "fee": {
                    "type": "object",
                    "required": [
                      "free"
                    ],
                    "properties": {
                      "free": {
                        "type": "boolean"
                      },
                      "amount": {
                        "type": "string"
                      },
                      "basis": {
                        "type": "string"
                      }
                    }
                  },
                  "place": {
                    "type": "string"
                  },
                  "hours": {
                    "type": "string"
                  },
                  "phones": {
                    "type": "object",
                    "required": [
                      "consultation",
                      "complaint"
                    ],
                    "properties": {
                      "consultation": {
                        "type": "string"
                      },
                      "complaint": {
                        "type": "string"
                      }
                    }
                  },
                  "online": {
                    "type": "object",
                    "required": [
                      "available"
                    ],
                    "properties": {
                      "available": {
                        "type": "boolean"
                      },
                      "note": {
                        "type": "string"
                      }
                    }
                  },
                  "visitsPromised": {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 2
                  },
                  "aliases": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  "keywords": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  "queuePrefix": {
                    "type": "string",
                    "pattern": "^[A-Z]$"
                  },
                  "windows": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": [
                        "id",
                        "name"
                      ],
                      "properties": {
                        "id": {
                          "type": "string"
                        },
                        "name": {
                          "type": "string"
                        }
                      }
                    }
                  }
                }
              },
              "Category": {
                "type": "object",
                "required": [
                  "name",
                  "count"
                ],
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "count": {
                    "type": "integer"
                  }
                }
              },
              "Window": {
                "type": "object",
                "required": [
                  "id",
                  "name",
                  "kind",
                  "services"
                ],
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "name": {
                    "type": "string"
                  },
                  "kind": {
                    "enum": [
                      "comprehensive",
                      "specialised"
                    ]
                  },
                  "services": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  }
                }
              },
              "Hall": {
                "type": "object",
                "required": [
                  "name",
                  "timeZone",
                  "address",
                  "hours",
                  "windows"
                ],
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "nameEn": {
                    "type": "string"
                  },
                  "timeZone": {
                    "type": "string"
                  },
                  "address": {
                    "type": "string"
                  },
                  "hours": {
                    "type": "string"
                  },
                  "windows": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Window"
                    }
                  }
                }
              },
              "Health": {
                "type": "object",
                "required": [
                  "status",
                  "database",
                  "catalogue"
                ],
                "properties": {
                  "status": {
                    "enum": [
                      "ok",
                      "degraded"
                    ]
                  },
                  "database": {
                    "enum": [
                      "ok",
                      "unreachable"
                    ]
                  },
                  "catalogue": {
                    "type": "object",
                    "required": [
                      "services",
                      "version",
                      "loadedAt"
                    ],
                    "properties": {
                      "services": {
                        "type": "integer"
                      },
                      "version": {
                        "type": "string"
                      },
                      "loadedAt": {
                        "type": "string",
                        "format": "date-time"
                      }
                    }
                  }
                }
              },
              "Ticket": {
                "type": "object",
                "required": [
                  "id",
                  "number",
                  "serviceId",
                  "status",
                  "priority",
                  "ahead",
                  "issuedAt",
                  "callCount"
                ],
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "number": {
                    "type": "string",
                    "examples": [
                      "A012"
                    ]
                  },
                  "serviceId": {
                    "type": "string"
                  },
                  "status": {
                    "enum": [
                      "waiting",
                      "called",
                      "completed",
                      "no_show",
                      "expired"
                    ]
                  },
                  "priority": {
                    "type": "boolean"
                  },
                  "ahead": {
                    "type": "integer",
                    "description": "People who will be called before this ticket"
                  },
                  "estimatedWaitSeconds": {
                    "type": "integer",
                    "description": "Σ recent average service time of each ticket ahead's service ÷ open windows that take this service; absent when no open window takes it"
                  },
                  "issuedAt": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "window": {
                    "type": "string"
                  },
                  "callCount": {
                    "type": "integer"
                  },
                  "outcome": {
                    "type": "string"
                  }
                }
              },
              "TicketEnvelope": {
                "type": "object",
                "required": [
                  "ticket"
                ],
                "properties": {
                  "ticket": {
                    "$ref": "#/components/schemas/Ticket"
                  }
                }
              },
              "WindowState": {
                "type": "object",
                "required": [
                  "id",
                  "name",
                  "kind",
                  "paused"
                ],
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "name": {
                    "type": "string"
                  },
                  "kind": {
                    "enum": [
                      "comprehensive",
                      "specialised"
                    ]
                  },
                  "paused": {
                    "type": "boolean"
                  },
                  "currentTicket": {
                    "type": "string",
                    "description": "The number of the ticket called to this window"
                  }
                }
              },
              "QueueState": {
                "type": "object",
                "required": [
                  "day",
                  "queues",
                  "lastCalls"
                ],
                "properties": {
                  "day": {
                    "type": "string",
                    "format": "date"
                  },
                  "queues": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": [
                        "prefix",
                        "waiting"
                      ],
                      "properties": {
                        "prefix": {
                          "type": "string"
                        },
                        "waiting": {
                          "type": "integer"
                        }
                      }
                    }
                  },
                  "lastCalls": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": [
                        "number",
                        "window",
                        "calledAt"
                      ],
                      "properties": {
                        "number": {
                          "type": "string"
                        },
                        "window": {
                          "type": "string"
                        },
                        "calledAt": {
                          "type": "string",
                          "format": "date-time"
                        }
                      }
                    }
                  }
                }
              }
            },
            "securitySchemes": {
              "deviceToken": {
                "type": "http",
                "scheme": "bearer",
                "description": "A device token from `onewindowd token create --role kiosk|clerk|admin`"
              }
            }
          }
        }
        """#
}
