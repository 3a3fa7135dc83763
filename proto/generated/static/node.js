/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Number = $util.global.Number, $Boolean = $util.global.Boolean, $Array = $util.global.Array, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt;

const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const tessera = $root.tessera = (() => {

    const tessera = {};

    tessera.v1 = (function() {

        const v1 = {};

        v1.NodeService = (function() {

            const NodeService = function(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            };

            $Object.defineProperty(NodeService.prototype = $Object.create($protobuf.rpc.Service.prototype), "constructor", { value: NodeService, writable: true, enumerable: false, configurable: true });

            NodeService.create = function(rpcImpl, requestDelimited, responseDelimited) {
                return new this(rpcImpl, requestDelimited, responseDelimited);
            };



            $Object.defineProperties(NodeService.prototype.connect = function(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, NodeService.prototype.connect, $root.tessera.v1.AgentMessage, $root.tessera.v1.SchedulerMessage, request, callback);
            }, {
                name: { value: "Connect" },
                path: { value: "/tessera.v1.NodeService/Connect" },
                requestType: { value: "AgentMessage" },
                responseType: { value: "SchedulerMessage" },
                requestStream: { value: true },
                responseStream: { value: true }
            });



            $Object.defineProperties(NodeService.prototype.listNodes = function(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, NodeService.prototype.listNodes, $root.tessera.v1.ListNodesRequest, $root.tessera.v1.ListNodesResponse, request, callback);
            }, {
                name: { value: "ListNodes" },
                path: { value: "/tessera.v1.NodeService/ListNodes" },
                requestType: { value: "ListNodesRequest" },
                responseType: { value: "ListNodesResponse" },
                requestStream: { value: $undefined },
                responseStream: { value: $undefined }
            });



            $Object.defineProperties(NodeService.prototype.removeNode = function(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, NodeService.prototype.removeNode, $root.tessera.v1.RemoveNodeRequest, $root.tessera.v1.RemoveNodeResponse, request, callback);
            }, {
                name: { value: "RemoveNode" },
                path: { value: "/tessera.v1.NodeService/RemoveNode" },
                requestType: { value: "RemoveNodeRequest" },
                responseType: { value: "RemoveNodeResponse" },
                requestStream: { value: $undefined },
                responseStream: { value: $undefined }
            });

            return NodeService;
        })();

        v1.GpuInventory = (function() {

            const GpuInventory = function (p) {
                this.nvlinkPeers = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            GpuInventory.prototype.uuid = "";
            GpuInventory.prototype.index = 0;
            GpuInventory.prototype.name = "";
            GpuInventory.prototype.model = "";
            GpuInventory.prototype.memoryMib = 0;
            GpuInventory.prototype.pciBusId = "";
            GpuInventory.prototype.migCapable = false;
            GpuInventory.prototype.nvlinkPeers = $util.emptyArray;
            GpuInventory.prototype.iommuGroup = "";

            GpuInventory.create = function(properties) {
                return new GpuInventory(properties);
            };

            GpuInventory.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.uuid != null && $Object.hasOwnProperty.call(m, "uuid") && m.uuid !== "")
                    w.uint32(10).string(m.uuid);
                if (m.index != null && $Object.hasOwnProperty.call(m, "index") && m.index !== 0)
                    w.uint32(16).uint32(m.index);
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(26).string(m.name);
                if (m.model != null && $Object.hasOwnProperty.call(m, "model") && m.model !== "")
                    w.uint32(34).string(m.model);
                if (m.memoryMib != null && $Object.hasOwnProperty.call(m, "memoryMib") && m.memoryMib !== 0)
                    w.uint32(40).uint32(m.memoryMib);
                if (m.pciBusId != null && $Object.hasOwnProperty.call(m, "pciBusId") && m.pciBusId !== "")
                    w.uint32(50).string(m.pciBusId);
                if (m.migCapable != null && $Object.hasOwnProperty.call(m, "migCapable") && m.migCapable !== false)
                    w.uint32(56).bool(m.migCapable);
                if (m.nvlinkPeers != null && m.nvlinkPeers.length) {
                    for (var i = 0; i < m.nvlinkPeers.length; ++i)
                        w.uint32(66).string(m.nvlinkPeers[i]);
                }
                if (m.iommuGroup != null && $Object.hasOwnProperty.call(m, "iommuGroup") && m.iommuGroup !== "")
                    w.uint32(74).string(m.iommuGroup);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            GpuInventory.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.GpuInventory();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.uuid = v;
                            else
                                delete m.uuid;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.index = v;
                            else
                                delete m.index;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.model = v;
                            else
                                delete m.model;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.memoryMib = v;
                            else
                                delete m.memoryMib;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.pciBusId = v;
                            else
                                delete m.pciBusId;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.migCapable = v;
                            else
                                delete m.migCapable;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if (!(m.nvlinkPeers && m.nvlinkPeers.length))
                                m.nvlinkPeers = [];
                            m.nvlinkPeers.push(r.stringVerify());
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.iommuGroup = v;
                            else
                                delete m.iommuGroup;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            GpuInventory.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.GpuInventory)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.GpuInventory: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.GpuInventory();
                if (d.uuid != null) {
                    if (typeof d.uuid !== "string" || d.uuid.length) {
                        m.uuid = $String(d.uuid);
                    }
                }
                if (d.index != null) {
                    if ($Number(d.index) !== 0) {
                        m.index = d.index >>> 0;
                    }
                }
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.model != null) {
                    if (typeof d.model !== "string" || d.model.length) {
                        m.model = $String(d.model);
                    }
                }
                if (d.memoryMib != null) {
                    if ($Number(d.memoryMib) !== 0) {
                        m.memoryMib = d.memoryMib >>> 0;
                    }
                }
                if (d.pciBusId != null) {
                    if (typeof d.pciBusId !== "string" || d.pciBusId.length) {
                        m.pciBusId = $String(d.pciBusId);
                    }
                }
                if (d.migCapable != null) {
                    if (d.migCapable) {
                        m.migCapable = $Boolean(d.migCapable);
                    }
                }
                if (d.nvlinkPeers) {
                    if (!$Array.isArray(d.nvlinkPeers))
                        throw $TypeError(".tessera.v1.GpuInventory.nvlinkPeers: array expected");
                    m.nvlinkPeers = $Array(d.nvlinkPeers.length);
                    for (var i = 0; i < d.nvlinkPeers.length; ++i) {
                        m.nvlinkPeers[i] = $String(d.nvlinkPeers[i]);
                    }
                }
                if (d.iommuGroup != null) {
                    if (typeof d.iommuGroup !== "string" || d.iommuGroup.length) {
                        m.iommuGroup = $String(d.iommuGroup);
                    }
                }
                return m;
            };

            GpuInventory.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.nvlinkPeers = [];
                }
                if (o.defaults) {
                    d.uuid = "";
                    d.index = 0;
                    d.name = "";
                    d.model = "";
                    d.memoryMib = 0;
                    d.pciBusId = "";
                    d.migCapable = false;
                    d.iommuGroup = "";
                }
                if (m.uuid != null && $Object.hasOwnProperty.call(m, "uuid")) {
                    d.uuid = m.uuid;
                }
                if (m.index != null && $Object.hasOwnProperty.call(m, "index")) {
                    d.index = m.index;
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.model != null && $Object.hasOwnProperty.call(m, "model")) {
                    d.model = m.model;
                }
                if (m.memoryMib != null && $Object.hasOwnProperty.call(m, "memoryMib")) {
                    d.memoryMib = m.memoryMib;
                }
                if (m.pciBusId != null && $Object.hasOwnProperty.call(m, "pciBusId")) {
                    d.pciBusId = m.pciBusId;
                }
                if (m.migCapable != null && $Object.hasOwnProperty.call(m, "migCapable")) {
                    d.migCapable = m.migCapable;
                }
                if (m.nvlinkPeers && m.nvlinkPeers.length) {
                    d.nvlinkPeers = $Array(m.nvlinkPeers.length);
                    for (var j = 0; j < m.nvlinkPeers.length; ++j) {
                        d.nvlinkPeers[j] = m.nvlinkPeers[j];
                    }
                }
                if (m.iommuGroup != null && $Object.hasOwnProperty.call(m, "iommuGroup")) {
                    d.iommuGroup = m.iommuGroup;
                }
                return d;
            };

            GpuInventory.prototype.toJSON = function() {
                return GpuInventory.toObject(this, $protobuf.util.toJSONOptions);
            };

            return GpuInventory;
        })();

        v1.Register = (function() {

            const Register = function (p) {
                this.labels = {};
                this.gpus = [];
                this.observed = [];
                this.jobs = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Register.prototype.node = "";
            Register.prototype.labels = $util.emptyObject;
            Register.prototype.gpus = $util.emptyArray;
            Register.prototype.cpuMillis = 0;
            Register.prototype.memoryMib = 0;
            Register.prototype.generation = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Register.prototype.agentVersion = "";
            Register.prototype.observed = $util.emptyArray;
            Register.prototype.jobs = $util.emptyArray;
            Register.prototype.capabilities = null;
            Register.prototype.address = "";

            Register.create = function(properties) {
                return new Register(properties);
            };

            Register.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.node != null && $Object.hasOwnProperty.call(m, "node") && m.node !== "")
                    w.uint32(10).string(m.node);
                if (m.labels != null && $Object.hasOwnProperty.call(m, "labels")) {
                    for (var ks = $Object.keys(m.labels), i = 0; i < ks.length; ++i) {
                        w.uint32(18).fork().uint32(10).string(ks[i]).uint32(18).string(m.labels[ks[i]]).ldelim();
                    }
                }
                if (m.gpus != null && m.gpus.length) {
                    for (var i = 0; i < m.gpus.length; ++i)
                        $root.tessera.v1.GpuInventory.encode(m.gpus[i], w.uint32(26).fork(), q + 1).ldelim();
                }
                if (m.cpuMillis != null && $Object.hasOwnProperty.call(m, "cpuMillis") && m.cpuMillis !== 0)
                    w.uint32(32).uint32(m.cpuMillis);
                if (m.memoryMib != null && $Object.hasOwnProperty.call(m, "memoryMib") && m.memoryMib !== 0)
                    w.uint32(40).uint32(m.memoryMib);
                if (m.generation != null && $Object.hasOwnProperty.call(m, "generation") && (typeof m.generation === "object" ? m.generation.low || m.generation.high : m.generation !== 0))
                    w.uint32(48).uint64(m.generation);
                if (m.agentVersion != null && $Object.hasOwnProperty.call(m, "agentVersion") && m.agentVersion !== "")
                    w.uint32(58).string(m.agentVersion);
                if (m.observed != null && m.observed.length) {
                    for (var i = 0; i < m.observed.length; ++i)
                        $root.tessera.v1.GpuObserved.encode(m.observed[i], w.uint32(66).fork(), q + 1).ldelim();
                }
                if (m.jobs != null && m.jobs.length) {
                    for (var i = 0; i < m.jobs.length; ++i)
                        $root.tessera.v1.JobObserved.encode(m.jobs[i], w.uint32(74).fork(), q + 1).ldelim();
                }
                if (m.capabilities != null && $Object.hasOwnProperty.call(m, "capabilities"))
                    $root.tessera.v1.NodeCapabilities.encode(m.capabilities, w.uint32(82).fork(), q + 1).ldelim();
                if (m.address != null && $Object.hasOwnProperty.call(m, "address") && m.address !== "")
                    w.uint32(90).string(m.address);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Register.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, k, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.Register();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.node = v;
                            else
                                delete m.node;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if (m.labels === $util.emptyObject)
                                m.labels = {};
                            var c2 = r.size() + r.pos;
                            if (c2 > r.len)
                                throw $RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            v = "";
                            while (r.pos < c2) {
                                var t2 = r.tag();
                                u = t2 & 7;
                                switch (t2 >>>= 3) {
                                case 1:
                                    if (u !== 2)
                                        break;
                                    k = r.stringVerify();
                                    continue;
                                case 2:
                                    if (u !== 2)
                                        break;
                                    v = r.stringVerify();
                                    continue;
                                }
                                r.skipType(u, q, t2);
                            }
                            if (r.pos !== c2)
                                throw $RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.labels, k);
                            m.labels[k] = v;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.gpus && m.gpus.length))
                                m.gpus = [];
                            m.gpus.push($root.tessera.v1.GpuInventory.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.cpuMillis = v;
                            else
                                delete m.cpuMillis;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.memoryMib = v;
                            else
                                delete m.memoryMib;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.generation = v;
                            else
                                delete m.generation;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.agentVersion = v;
                            else
                                delete m.agentVersion;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if (!(m.observed && m.observed.length))
                                m.observed = [];
                            m.observed.push($root.tessera.v1.GpuObserved.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if (!(m.jobs && m.jobs.length))
                                m.jobs = [];
                            m.jobs.push($root.tessera.v1.JobObserved.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            m.capabilities = $root.tessera.v1.NodeCapabilities.decode(r, r.size(), $undefined, q + 1, m.capabilities);
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.address = v;
                            else
                                delete m.address;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Register.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.Register)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.Register: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.Register();
                if (d.node != null) {
                    if (typeof d.node !== "string" || d.node.length) {
                        m.node = $String(d.node);
                    }
                }
                if (d.labels) {
                    if (!$util.isObject(d.labels))
                        throw $TypeError(".tessera.v1.Register.labels: object expected");
                    m.labels = {};
                    for (var ks = $Object.keys(d.labels), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.labels, ks[i]);
                        m.labels[ks[i]] = $String(d.labels[ks[i]]);
                    }
                }
                if (d.gpus) {
                    if (!$Array.isArray(d.gpus))
                        throw $TypeError(".tessera.v1.Register.gpus: array expected");
                    m.gpus = $Array(d.gpus.length);
                    for (var i = 0; i < d.gpus.length; ++i) {
                        if (!$util.isObject(d.gpus[i]))
                            throw $TypeError(".tessera.v1.Register.gpus: object expected");
                        m.gpus[i] = $root.tessera.v1.GpuInventory.fromObject(d.gpus[i], q + 1);
                    }
                }
                if (d.cpuMillis != null) {
                    if ($Number(d.cpuMillis) !== 0) {
                        m.cpuMillis = d.cpuMillis >>> 0;
                    }
                }
                if (d.memoryMib != null) {
                    if ($Number(d.memoryMib) !== 0) {
                        m.memoryMib = d.memoryMib >>> 0;
                    }
                }
                if (d.generation != null) {
                    if (typeof d.generation === "object" ? d.generation.low || d.generation.high : $Number(d.generation) !== 0) {
                        if ($util.Long)
                            m.generation = $util.Long.fromValue(d.generation, true);
                        else if (typeof d.generation === "string")
                            m.generation = $parseInt(d.generation, 10);
                        else if (typeof d.generation === "number")
                            m.generation = d.generation;
                        else if (typeof d.generation === "object")
                            m.generation = new $util.LongBits(d.generation.low >>> 0, d.generation.high >>> 0).toNumber(true);
                    }
                }
                if (d.agentVersion != null) {
                    if (typeof d.agentVersion !== "string" || d.agentVersion.length) {
                        m.agentVersion = $String(d.agentVersion);
                    }
                }
                if (d.observed) {
                    if (!$Array.isArray(d.observed))
                        throw $TypeError(".tessera.v1.Register.observed: array expected");
                    m.observed = $Array(d.observed.length);
                    for (var i = 0; i < d.observed.length; ++i) {
                        if (!$util.isObject(d.observed[i]))
                            throw $TypeError(".tessera.v1.Register.observed: object expected");
                        m.observed[i] = $root.tessera.v1.GpuObserved.fromObject(d.observed[i], q + 1);
                    }
                }
                if (d.jobs) {
                    if (!$Array.isArray(d.jobs))
                        throw $TypeError(".tessera.v1.Register.jobs: array expected");
                    m.jobs = $Array(d.jobs.length);
                    for (var i = 0; i < d.jobs.length; ++i) {
                        if (!$util.isObject(d.jobs[i]))
                            throw $TypeError(".tessera.v1.Register.jobs: object expected");
                        m.jobs[i] = $root.tessera.v1.JobObserved.fromObject(d.jobs[i], q + 1);
                    }
                }
                if (d.capabilities != null) {
                    if (!$util.isObject(d.capabilities))
                        throw $TypeError(".tessera.v1.Register.capabilities: object expected");
                    m.capabilities = $root.tessera.v1.NodeCapabilities.fromObject(d.capabilities, q + 1);
                }
                if (d.address != null) {
                    if (typeof d.address !== "string" || d.address.length) {
                        m.address = $String(d.address);
                    }
                }
                return m;
            };

            Register.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.gpus = [];
                    d.observed = [];
                    d.jobs = [];
                }
                if (o.objects || o.defaults) {
                    d.labels = {};
                }
                if (o.defaults) {
                    d.node = "";
                    d.cpuMillis = 0;
                    d.memoryMib = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.generation = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.generation = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.agentVersion = "";
                    d.capabilities = null;
                    d.address = "";
                }
                if (m.node != null && $Object.hasOwnProperty.call(m, "node")) {
                    d.node = m.node;
                }
                var ks2;
                if (m.labels && (ks2 = $Object.keys(m.labels)).length) {
                    d.labels = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.labels, ks2[j]);
                        d.labels[ks2[j]] = m.labels[ks2[j]];
                    }
                }
                if (m.gpus && m.gpus.length) {
                    d.gpus = $Array(m.gpus.length);
                    for (var j = 0; j < m.gpus.length; ++j) {
                        d.gpus[j] = $root.tessera.v1.GpuInventory.toObject(m.gpus[j], o, q + 1);
                    }
                }
                if (m.cpuMillis != null && $Object.hasOwnProperty.call(m, "cpuMillis")) {
                    d.cpuMillis = m.cpuMillis;
                }
                if (m.memoryMib != null && $Object.hasOwnProperty.call(m, "memoryMib")) {
                    d.memoryMib = m.memoryMib;
                }
                if (m.generation != null && $Object.hasOwnProperty.call(m, "generation")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.generation = typeof m.generation === "number" ? $BigInt(m.generation) : $util.Long.fromBits(m.generation.low >>> 0, m.generation.high >>> 0, true).toBigInt();
                    else if (typeof m.generation === "number")
                        d.generation = o.longs === $String ? $String(m.generation) : m.generation;
                    else
                        d.generation = o.longs === $String ? $util.Long.prototype.toString.call(m.generation) : o.longs === $Number ? new $util.LongBits(m.generation.low >>> 0, m.generation.high >>> 0).toNumber(true) : m.generation;
                }
                if (m.agentVersion != null && $Object.hasOwnProperty.call(m, "agentVersion")) {
                    d.agentVersion = m.agentVersion;
                }
                if (m.observed && m.observed.length) {
                    d.observed = $Array(m.observed.length);
                    for (var j = 0; j < m.observed.length; ++j) {
                        d.observed[j] = $root.tessera.v1.GpuObserved.toObject(m.observed[j], o, q + 1);
                    }
                }
                if (m.jobs && m.jobs.length) {
                    d.jobs = $Array(m.jobs.length);
                    for (var j = 0; j < m.jobs.length; ++j) {
                        d.jobs[j] = $root.tessera.v1.JobObserved.toObject(m.jobs[j], o, q + 1);
                    }
                }
                if (m.capabilities != null && $Object.hasOwnProperty.call(m, "capabilities")) {
                    d.capabilities = $root.tessera.v1.NodeCapabilities.toObject(m.capabilities, o, q + 1);
                }
                if (m.address != null && $Object.hasOwnProperty.call(m, "address")) {
                    d.address = m.address;
                }
                return d;
            };

            Register.prototype.toJSON = function() {
                return Register.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Register;
        })();

        v1.NodeCapabilities = (function() {

            const NodeCapabilities = function (p) {
                this.vmRuntimes = [];
                this.containerRuntimes = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            NodeCapabilities.prototype.vmRuntimes = $util.emptyArray;
            NodeCapabilities.prototype.mps = false;
            NodeCapabilities.prototype.containerRuntimes = $util.emptyArray;
            NodeCapabilities.prototype.probed = false;

            NodeCapabilities.create = function(properties) {
                return new NodeCapabilities(properties);
            };

            NodeCapabilities.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.vmRuntimes != null && m.vmRuntimes.length) {
                    for (var i = 0; i < m.vmRuntimes.length; ++i)
                        w.uint32(10).string(m.vmRuntimes[i]);
                }
                if (m.mps != null && $Object.hasOwnProperty.call(m, "mps") && m.mps !== false)
                    w.uint32(16).bool(m.mps);
                if (m.containerRuntimes != null && m.containerRuntimes.length) {
                    for (var i = 0; i < m.containerRuntimes.length; ++i)
                        w.uint32(26).string(m.containerRuntimes[i]);
                }
                if (m.probed != null && $Object.hasOwnProperty.call(m, "probed") && m.probed !== false)
                    w.uint32(32).bool(m.probed);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            NodeCapabilities.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.NodeCapabilities();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.vmRuntimes && m.vmRuntimes.length))
                                m.vmRuntimes = [];
                            m.vmRuntimes.push(r.stringVerify());
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.mps = v;
                            else
                                delete m.mps;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.containerRuntimes && m.containerRuntimes.length))
                                m.containerRuntimes = [];
                            m.containerRuntimes.push(r.stringVerify());
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.probed = v;
                            else
                                delete m.probed;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            NodeCapabilities.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.NodeCapabilities)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.NodeCapabilities: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.NodeCapabilities();
                if (d.vmRuntimes) {
                    if (!$Array.isArray(d.vmRuntimes))
                        throw $TypeError(".tessera.v1.NodeCapabilities.vmRuntimes: array expected");
                    m.vmRuntimes = $Array(d.vmRuntimes.length);
                    for (var i = 0; i < d.vmRuntimes.length; ++i) {
                        m.vmRuntimes[i] = $String(d.vmRuntimes[i]);
                    }
                }
                if (d.mps != null) {
                    if (d.mps) {
                        m.mps = $Boolean(d.mps);
                    }
                }
                if (d.containerRuntimes) {
                    if (!$Array.isArray(d.containerRuntimes))
                        throw $TypeError(".tessera.v1.NodeCapabilities.containerRuntimes: array expected");
                    m.containerRuntimes = $Array(d.containerRuntimes.length);
                    for (var i = 0; i < d.containerRuntimes.length; ++i) {
                        m.containerRuntimes[i] = $String(d.containerRuntimes[i]);
                    }
                }
                if (d.probed != null) {
                    if (d.probed) {
                        m.probed = $Boolean(d.probed);
                    }
                }
                return m;
            };

            NodeCapabilities.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.vmRuntimes = [];
                    d.containerRuntimes = [];
                }
                if (o.defaults) {
                    d.mps = false;
                    d.probed = false;
                }
                if (m.vmRuntimes && m.vmRuntimes.length) {
                    d.vmRuntimes = $Array(m.vmRuntimes.length);
                    for (var j = 0; j < m.vmRuntimes.length; ++j) {
                        d.vmRuntimes[j] = m.vmRuntimes[j];
                    }
                }
                if (m.mps != null && $Object.hasOwnProperty.call(m, "mps")) {
                    d.mps = m.mps;
                }
                if (m.containerRuntimes && m.containerRuntimes.length) {
                    d.containerRuntimes = $Array(m.containerRuntimes.length);
                    for (var j = 0; j < m.containerRuntimes.length; ++j) {
                        d.containerRuntimes[j] = m.containerRuntimes[j];
                    }
                }
                if (m.probed != null && $Object.hasOwnProperty.call(m, "probed")) {
                    d.probed = m.probed;
                }
                return d;
            };

            NodeCapabilities.prototype.toJSON = function() {
                return NodeCapabilities.toObject(this, $protobuf.util.toJSONOptions);
            };

            return NodeCapabilities;
        })();

        v1.MigInstance = (function() {

            const MigInstance = function (p) {
                this.pids = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            MigInstance.prototype.profile = "";
            MigInstance.prototype.start = 0;
            MigInstance.prototype.size = 0;
            MigInstance.prototype.gpuInstanceId = 0;
            MigInstance.prototype.computeInstanceId = 0;
            MigInstance.prototype.uuid = "";
            MigInstance.prototype.pids = $util.emptyArray;
            MigInstance.prototype.memoryUsedMib = 0;
            MigInstance.prototype.migDeviceIndex = null;

            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(MigInstance.prototype, "_migDeviceIndex", {
                get: $util.oneOfGetter($oneOfFields = ["migDeviceIndex"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            MigInstance.create = function(properties) {
                return new MigInstance(properties);
            };

            MigInstance.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.profile != null && $Object.hasOwnProperty.call(m, "profile") && m.profile !== "")
                    w.uint32(10).string(m.profile);
                if (m.start != null && $Object.hasOwnProperty.call(m, "start") && m.start !== 0)
                    w.uint32(16).uint32(m.start);
                if (m.size != null && $Object.hasOwnProperty.call(m, "size") && m.size !== 0)
                    w.uint32(24).uint32(m.size);
                if (m.gpuInstanceId != null && $Object.hasOwnProperty.call(m, "gpuInstanceId") && m.gpuInstanceId !== 0)
                    w.uint32(32).uint32(m.gpuInstanceId);
                if (m.computeInstanceId != null && $Object.hasOwnProperty.call(m, "computeInstanceId") && m.computeInstanceId !== 0)
                    w.uint32(40).uint32(m.computeInstanceId);
                if (m.uuid != null && $Object.hasOwnProperty.call(m, "uuid") && m.uuid !== "")
                    w.uint32(50).string(m.uuid);
                if (m.pids != null && m.pids.length) {
                    w.uint32(58).uint32s(m.pids);
                }
                if (m.memoryUsedMib != null && $Object.hasOwnProperty.call(m, "memoryUsedMib") && m.memoryUsedMib !== 0)
                    w.uint32(64).uint32(m.memoryUsedMib);
                if (m.migDeviceIndex != null && $Object.hasOwnProperty.call(m, "migDeviceIndex"))
                    w.uint32(72).uint32(m.migDeviceIndex);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            MigInstance.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.MigInstance();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.profile = v;
                            else
                                delete m.profile;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.start = v;
                            else
                                delete m.start;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.size = v;
                            else
                                delete m.size;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.gpuInstanceId = v;
                            else
                                delete m.gpuInstanceId;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.computeInstanceId = v;
                            else
                                delete m.computeInstanceId;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.uuid = v;
                            else
                                delete m.uuid;
                            continue;
                        }
                    case 7: {
                            if (u === 2) {
                                if (!(m.pids && m.pids.length))
                                    m.pids = [];
                                r.uint32s(m.pids);
                                continue;
                            }
                            if (u !== 0)
                                break;
                            if (!(m.pids && m.pids.length))
                                m.pids = [];
                            m.pids.push(r.uint32());
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.memoryUsedMib = v;
                            else
                                delete m.memoryUsedMib;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            m.migDeviceIndex = r.uint32();
                            m._migDeviceIndex = "migDeviceIndex";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            MigInstance.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.MigInstance)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.MigInstance: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.MigInstance();
                if (d.profile != null) {
                    if (typeof d.profile !== "string" || d.profile.length) {
                        m.profile = $String(d.profile);
                    }
                }
                if (d.start != null) {
                    if ($Number(d.start) !== 0) {
                        m.start = d.start >>> 0;
                    }
                }
                if (d.size != null) {
                    if ($Number(d.size) !== 0) {
                        m.size = d.size >>> 0;
                    }
                }
                if (d.gpuInstanceId != null) {
                    if ($Number(d.gpuInstanceId) !== 0) {
                        m.gpuInstanceId = d.gpuInstanceId >>> 0;
                    }
                }
                if (d.computeInstanceId != null) {
                    if ($Number(d.computeInstanceId) !== 0) {
                        m.computeInstanceId = d.computeInstanceId >>> 0;
                    }
                }
                if (d.uuid != null) {
                    if (typeof d.uuid !== "string" || d.uuid.length) {
                        m.uuid = $String(d.uuid);
                    }
                }
                if (d.pids) {
                    if (!$Array.isArray(d.pids))
                        throw $TypeError(".tessera.v1.MigInstance.pids: array expected");
                    m.pids = $Array(d.pids.length);
                    for (var i = 0; i < d.pids.length; ++i) {
                        m.pids[i] = d.pids[i] >>> 0;
                    }
                }
                if (d.memoryUsedMib != null) {
                    if ($Number(d.memoryUsedMib) !== 0) {
                        m.memoryUsedMib = d.memoryUsedMib >>> 0;
                    }
                }
                if (d.migDeviceIndex != null) {
                    m.migDeviceIndex = d.migDeviceIndex >>> 0;
                }
                return m;
            };

            MigInstance.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.pids = [];
                }
                if (o.defaults) {
                    d.profile = "";
                    d.start = 0;
                    d.size = 0;
                    d.gpuInstanceId = 0;
                    d.computeInstanceId = 0;
                    d.uuid = "";
                    d.memoryUsedMib = 0;
                }
                if (m.profile != null && $Object.hasOwnProperty.call(m, "profile")) {
                    d.profile = m.profile;
                }
                if (m.start != null && $Object.hasOwnProperty.call(m, "start")) {
                    d.start = m.start;
                }
                if (m.size != null && $Object.hasOwnProperty.call(m, "size")) {
                    d.size = m.size;
                }
                if (m.gpuInstanceId != null && $Object.hasOwnProperty.call(m, "gpuInstanceId")) {
                    d.gpuInstanceId = m.gpuInstanceId;
                }
                if (m.computeInstanceId != null && $Object.hasOwnProperty.call(m, "computeInstanceId")) {
                    d.computeInstanceId = m.computeInstanceId;
                }
                if (m.uuid != null && $Object.hasOwnProperty.call(m, "uuid")) {
                    d.uuid = m.uuid;
                }
                if (m.pids && m.pids.length) {
                    d.pids = $Array(m.pids.length);
                    for (var j = 0; j < m.pids.length; ++j) {
                        d.pids[j] = m.pids[j];
                    }
                }
                if (m.memoryUsedMib != null && $Object.hasOwnProperty.call(m, "memoryUsedMib")) {
                    d.memoryUsedMib = m.memoryUsedMib;
                }
                if (m.migDeviceIndex != null && $Object.hasOwnProperty.call(m, "migDeviceIndex")) {
                    d.migDeviceIndex = m.migDeviceIndex;
                }
                return d;
            };

            MigInstance.prototype.toJSON = function() {
                return MigInstance.toObject(this, $protobuf.util.toJSONOptions);
            };

            return MigInstance;
        })();

        v1.GpuObserved = (function() {

            const GpuObserved = function (p) {
                this.instances = [];
                this.pids = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            GpuObserved.prototype.uuid = "";
            GpuObserved.prototype.migEnabled = false;
            GpuObserved.prototype.instances = $util.emptyArray;
            GpuObserved.prototype.utilizationPercent = 0;
            GpuObserved.prototype.memoryUsedMib = 0;
            GpuObserved.prototype.health = "";
            GpuObserved.prototype.pids = $util.emptyArray;
            GpuObserved.prototype.utilizationUnsupported = false;
            GpuObserved.prototype.temperatureC = 0;
            GpuObserved.prototype.powerMw = 0;
            GpuObserved.prototype.layoutError = "";

            GpuObserved.create = function(properties) {
                return new GpuObserved(properties);
            };

            GpuObserved.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.uuid != null && $Object.hasOwnProperty.call(m, "uuid") && m.uuid !== "")
                    w.uint32(10).string(m.uuid);
                if (m.migEnabled != null && $Object.hasOwnProperty.call(m, "migEnabled") && m.migEnabled !== false)
                    w.uint32(16).bool(m.migEnabled);
                if (m.instances != null && m.instances.length) {
                    for (var i = 0; i < m.instances.length; ++i)
                        $root.tessera.v1.MigInstance.encode(m.instances[i], w.uint32(26).fork(), q + 1).ldelim();
                }
                if (m.utilizationPercent != null && $Object.hasOwnProperty.call(m, "utilizationPercent") && m.utilizationPercent !== 0)
                    w.uint32(32).uint32(m.utilizationPercent);
                if (m.memoryUsedMib != null && $Object.hasOwnProperty.call(m, "memoryUsedMib") && m.memoryUsedMib !== 0)
                    w.uint32(40).uint32(m.memoryUsedMib);
                if (m.health != null && $Object.hasOwnProperty.call(m, "health") && m.health !== "")
                    w.uint32(50).string(m.health);
                if (m.pids != null && m.pids.length) {
                    w.uint32(58).uint32s(m.pids);
                }
                if (m.utilizationUnsupported != null && $Object.hasOwnProperty.call(m, "utilizationUnsupported") && m.utilizationUnsupported !== false)
                    w.uint32(64).bool(m.utilizationUnsupported);
                if (m.temperatureC != null && $Object.hasOwnProperty.call(m, "temperatureC") && m.temperatureC !== 0)
                    w.uint32(72).uint32(m.temperatureC);
                if (m.powerMw != null && $Object.hasOwnProperty.call(m, "powerMw") && m.powerMw !== 0)
                    w.uint32(80).uint32(m.powerMw);
                if (m.layoutError != null && $Object.hasOwnProperty.call(m, "layoutError") && m.layoutError !== "")
                    w.uint32(90).string(m.layoutError);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            GpuObserved.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.GpuObserved();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.uuid = v;
                            else
                                delete m.uuid;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.migEnabled = v;
                            else
                                delete m.migEnabled;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.instances && m.instances.length))
                                m.instances = [];
                            m.instances.push($root.tessera.v1.MigInstance.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.utilizationPercent = v;
                            else
                                delete m.utilizationPercent;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.memoryUsedMib = v;
                            else
                                delete m.memoryUsedMib;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.health = v;
                            else
                                delete m.health;
                            continue;
                        }
                    case 7: {
                            if (u === 2) {
                                if (!(m.pids && m.pids.length))
                                    m.pids = [];
                                r.uint32s(m.pids);
                                continue;
                            }
                            if (u !== 0)
                                break;
                            if (!(m.pids && m.pids.length))
                                m.pids = [];
                            m.pids.push(r.uint32());
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.utilizationUnsupported = v;
                            else
                                delete m.utilizationUnsupported;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.temperatureC = v;
                            else
                                delete m.temperatureC;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.powerMw = v;
                            else
                                delete m.powerMw;
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.layoutError = v;
                            else
                                delete m.layoutError;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            GpuObserved.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.GpuObserved)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.GpuObserved: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.GpuObserved();
                if (d.uuid != null) {
                    if (typeof d.uuid !== "string" || d.uuid.length) {
                        m.uuid = $String(d.uuid);
                    }
                }
                if (d.migEnabled != null) {
                    if (d.migEnabled) {
                        m.migEnabled = $Boolean(d.migEnabled);
                    }
                }
                if (d.instances) {
                    if (!$Array.isArray(d.instances))
                        throw $TypeError(".tessera.v1.GpuObserved.instances: array expected");
                    m.instances = $Array(d.instances.length);
                    for (var i = 0; i < d.instances.length; ++i) {
                        if (!$util.isObject(d.instances[i]))
                            throw $TypeError(".tessera.v1.GpuObserved.instances: object expected");
                        m.instances[i] = $root.tessera.v1.MigInstance.fromObject(d.instances[i], q + 1);
                    }
                }
                if (d.utilizationPercent != null) {
                    if ($Number(d.utilizationPercent) !== 0) {
                        m.utilizationPercent = d.utilizationPercent >>> 0;
                    }
                }
                if (d.memoryUsedMib != null) {
                    if ($Number(d.memoryUsedMib) !== 0) {
                        m.memoryUsedMib = d.memoryUsedMib >>> 0;
                    }
                }
                if (d.health != null) {
                    if (typeof d.health !== "string" || d.health.length) {
                        m.health = $String(d.health);
                    }
                }
                if (d.pids) {
                    if (!$Array.isArray(d.pids))
                        throw $TypeError(".tessera.v1.GpuObserved.pids: array expected");
                    m.pids = $Array(d.pids.length);
                    for (var i = 0; i < d.pids.length; ++i) {
                        m.pids[i] = d.pids[i] >>> 0;
                    }
                }
                if (d.utilizationUnsupported != null) {
                    if (d.utilizationUnsupported) {
                        m.utilizationUnsupported = $Boolean(d.utilizationUnsupported);
                    }
                }
                if (d.temperatureC != null) {
                    if ($Number(d.temperatureC) !== 0) {
                        m.temperatureC = d.temperatureC >>> 0;
                    }
                }
                if (d.powerMw != null) {
                    if ($Number(d.powerMw) !== 0) {
                        m.powerMw = d.powerMw >>> 0;
                    }
                }
                if (d.layoutError != null) {
                    if (typeof d.layoutError !== "string" || d.layoutError.length) {
                        m.layoutError = $String(d.layoutError);
                    }
                }
                return m;
            };

            GpuObserved.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.instances = [];
                    d.pids = [];
                }
                if (o.defaults) {
                    d.uuid = "";
                    d.migEnabled = false;
                    d.utilizationPercent = 0;
                    d.memoryUsedMib = 0;
                    d.health = "";
                    d.utilizationUnsupported = false;
                    d.temperatureC = 0;
                    d.powerMw = 0;
                    d.layoutError = "";
                }
                if (m.uuid != null && $Object.hasOwnProperty.call(m, "uuid")) {
                    d.uuid = m.uuid;
                }
                if (m.migEnabled != null && $Object.hasOwnProperty.call(m, "migEnabled")) {
                    d.migEnabled = m.migEnabled;
                }
                if (m.instances && m.instances.length) {
                    d.instances = $Array(m.instances.length);
                    for (var j = 0; j < m.instances.length; ++j) {
                        d.instances[j] = $root.tessera.v1.MigInstance.toObject(m.instances[j], o, q + 1);
                    }
                }
                if (m.utilizationPercent != null && $Object.hasOwnProperty.call(m, "utilizationPercent")) {
                    d.utilizationPercent = m.utilizationPercent;
                }
                if (m.memoryUsedMib != null && $Object.hasOwnProperty.call(m, "memoryUsedMib")) {
                    d.memoryUsedMib = m.memoryUsedMib;
                }
                if (m.health != null && $Object.hasOwnProperty.call(m, "health")) {
                    d.health = m.health;
                }
                if (m.pids && m.pids.length) {
                    d.pids = $Array(m.pids.length);
                    for (var j = 0; j < m.pids.length; ++j) {
                        d.pids[j] = m.pids[j];
                    }
                }
                if (m.utilizationUnsupported != null && $Object.hasOwnProperty.call(m, "utilizationUnsupported")) {
                    d.utilizationUnsupported = m.utilizationUnsupported;
                }
                if (m.temperatureC != null && $Object.hasOwnProperty.call(m, "temperatureC")) {
                    d.temperatureC = m.temperatureC;
                }
                if (m.powerMw != null && $Object.hasOwnProperty.call(m, "powerMw")) {
                    d.powerMw = m.powerMw;
                }
                if (m.layoutError != null && $Object.hasOwnProperty.call(m, "layoutError")) {
                    d.layoutError = m.layoutError;
                }
                return d;
            };

            GpuObserved.prototype.toJSON = function() {
                return GpuObserved.toObject(this, $protobuf.util.toJSONOptions);
            };

            return GpuObserved;
        })();

        v1.JobObserved = (function() {

            const JobObserved = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            JobObserved.prototype.jobId = "";
            JobObserved.prototype.attempt = 0;
            JobObserved.prototype.state = "";
            JobObserved.prototype.pid = 0;
            JobObserved.prototype.exitCode = 0;
            JobObserved.prototype.signal = "";
            JobObserved.prototype.logPath = "";
            JobObserved.prototype.message = "";
            JobObserved.prototype.visibleDevices = "";
            JobObserved.prototype.startedUnixMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            JobObserved.prototype.finishedUnixMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            JobObserved.prototype.interruption = "";

            JobObserved.create = function(properties) {
                return new JobObserved(properties);
            };

            JobObserved.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.jobId != null && $Object.hasOwnProperty.call(m, "jobId") && m.jobId !== "")
                    w.uint32(10).string(m.jobId);
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt") && m.attempt !== 0)
                    w.uint32(16).uint32(m.attempt);
                if (m.state != null && $Object.hasOwnProperty.call(m, "state") && m.state !== "")
                    w.uint32(26).string(m.state);
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid") && m.pid !== 0)
                    w.uint32(32).uint32(m.pid);
                if (m.exitCode != null && $Object.hasOwnProperty.call(m, "exitCode") && m.exitCode !== 0)
                    w.uint32(40).int32(m.exitCode);
                if (m.signal != null && $Object.hasOwnProperty.call(m, "signal") && m.signal !== "")
                    w.uint32(50).string(m.signal);
                if (m.logPath != null && $Object.hasOwnProperty.call(m, "logPath") && m.logPath !== "")
                    w.uint32(58).string(m.logPath);
                if (m.message != null && $Object.hasOwnProperty.call(m, "message") && m.message !== "")
                    w.uint32(66).string(m.message);
                if (m.visibleDevices != null && $Object.hasOwnProperty.call(m, "visibleDevices") && m.visibleDevices !== "")
                    w.uint32(74).string(m.visibleDevices);
                if (m.startedUnixMs != null && $Object.hasOwnProperty.call(m, "startedUnixMs") && (typeof m.startedUnixMs === "object" ? m.startedUnixMs.low || m.startedUnixMs.high : m.startedUnixMs !== 0))
                    w.uint32(80).int64(m.startedUnixMs);
                if (m.finishedUnixMs != null && $Object.hasOwnProperty.call(m, "finishedUnixMs") && (typeof m.finishedUnixMs === "object" ? m.finishedUnixMs.low || m.finishedUnixMs.high : m.finishedUnixMs !== 0))
                    w.uint32(88).int64(m.finishedUnixMs);
                if (m.interruption != null && $Object.hasOwnProperty.call(m, "interruption") && m.interruption !== "")
                    w.uint32(98).string(m.interruption);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            JobObserved.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.JobObserved();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.jobId = v;
                            else
                                delete m.jobId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.attempt = v;
                            else
                                delete m.attempt;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.state = v;
                            else
                                delete m.state;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.pid = v;
                            else
                                delete m.pid;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.exitCode = v;
                            else
                                delete m.exitCode;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.signal = v;
                            else
                                delete m.signal;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.logPath = v;
                            else
                                delete m.logPath;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.message = v;
                            else
                                delete m.message;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.visibleDevices = v;
                            else
                                delete m.visibleDevices;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.startedUnixMs = v;
                            else
                                delete m.startedUnixMs;
                            continue;
                        }
                    case 11: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.finishedUnixMs = v;
                            else
                                delete m.finishedUnixMs;
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.interruption = v;
                            else
                                delete m.interruption;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            JobObserved.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.JobObserved)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.JobObserved: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.JobObserved();
                if (d.jobId != null) {
                    if (typeof d.jobId !== "string" || d.jobId.length) {
                        m.jobId = $String(d.jobId);
                    }
                }
                if (d.attempt != null) {
                    if ($Number(d.attempt) !== 0) {
                        m.attempt = d.attempt >>> 0;
                    }
                }
                if (d.state != null) {
                    if (typeof d.state !== "string" || d.state.length) {
                        m.state = $String(d.state);
                    }
                }
                if (d.pid != null) {
                    if ($Number(d.pid) !== 0) {
                        m.pid = d.pid >>> 0;
                    }
                }
                if (d.exitCode != null) {
                    if ($Number(d.exitCode) !== 0) {
                        m.exitCode = d.exitCode | 0;
                    }
                }
                if (d.signal != null) {
                    if (typeof d.signal !== "string" || d.signal.length) {
                        m.signal = $String(d.signal);
                    }
                }
                if (d.logPath != null) {
                    if (typeof d.logPath !== "string" || d.logPath.length) {
                        m.logPath = $String(d.logPath);
                    }
                }
                if (d.message != null) {
                    if (typeof d.message !== "string" || d.message.length) {
                        m.message = $String(d.message);
                    }
                }
                if (d.visibleDevices != null) {
                    if (typeof d.visibleDevices !== "string" || d.visibleDevices.length) {
                        m.visibleDevices = $String(d.visibleDevices);
                    }
                }
                if (d.startedUnixMs != null) {
                    if (typeof d.startedUnixMs === "object" ? d.startedUnixMs.low || d.startedUnixMs.high : $Number(d.startedUnixMs) !== 0) {
                        if ($util.Long)
                            m.startedUnixMs = $util.Long.fromValue(d.startedUnixMs, false);
                        else if (typeof d.startedUnixMs === "string")
                            m.startedUnixMs = $parseInt(d.startedUnixMs, 10);
                        else if (typeof d.startedUnixMs === "number")
                            m.startedUnixMs = d.startedUnixMs;
                        else if (typeof d.startedUnixMs === "object")
                            m.startedUnixMs = new $util.LongBits(d.startedUnixMs.low >>> 0, d.startedUnixMs.high >>> 0).toNumber();
                    }
                }
                if (d.finishedUnixMs != null) {
                    if (typeof d.finishedUnixMs === "object" ? d.finishedUnixMs.low || d.finishedUnixMs.high : $Number(d.finishedUnixMs) !== 0) {
                        if ($util.Long)
                            m.finishedUnixMs = $util.Long.fromValue(d.finishedUnixMs, false);
                        else if (typeof d.finishedUnixMs === "string")
                            m.finishedUnixMs = $parseInt(d.finishedUnixMs, 10);
                        else if (typeof d.finishedUnixMs === "number")
                            m.finishedUnixMs = d.finishedUnixMs;
                        else if (typeof d.finishedUnixMs === "object")
                            m.finishedUnixMs = new $util.LongBits(d.finishedUnixMs.low >>> 0, d.finishedUnixMs.high >>> 0).toNumber();
                    }
                }
                if (d.interruption != null) {
                    if (typeof d.interruption !== "string" || d.interruption.length) {
                        m.interruption = $String(d.interruption);
                    }
                }
                return m;
            };

            JobObserved.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.jobId = "";
                    d.attempt = 0;
                    d.state = "";
                    d.pid = 0;
                    d.exitCode = 0;
                    d.signal = "";
                    d.logPath = "";
                    d.message = "";
                    d.visibleDevices = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.startedUnixMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.startedUnixMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.finishedUnixMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.finishedUnixMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.interruption = "";
                }
                if (m.jobId != null && $Object.hasOwnProperty.call(m, "jobId")) {
                    d.jobId = m.jobId;
                }
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt")) {
                    d.attempt = m.attempt;
                }
                if (m.state != null && $Object.hasOwnProperty.call(m, "state")) {
                    d.state = m.state;
                }
                if (m.pid != null && $Object.hasOwnProperty.call(m, "pid")) {
                    d.pid = m.pid;
                }
                if (m.exitCode != null && $Object.hasOwnProperty.call(m, "exitCode")) {
                    d.exitCode = m.exitCode;
                }
                if (m.signal != null && $Object.hasOwnProperty.call(m, "signal")) {
                    d.signal = m.signal;
                }
                if (m.logPath != null && $Object.hasOwnProperty.call(m, "logPath")) {
                    d.logPath = m.logPath;
                }
                if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                    d.message = m.message;
                }
                if (m.visibleDevices != null && $Object.hasOwnProperty.call(m, "visibleDevices")) {
                    d.visibleDevices = m.visibleDevices;
                }
                if (m.startedUnixMs != null && $Object.hasOwnProperty.call(m, "startedUnixMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.startedUnixMs = typeof m.startedUnixMs === "number" ? $BigInt(m.startedUnixMs) : $util.Long.fromBits(m.startedUnixMs.low >>> 0, m.startedUnixMs.high >>> 0, false).toBigInt();
                    else if (typeof m.startedUnixMs === "number")
                        d.startedUnixMs = o.longs === $String ? $String(m.startedUnixMs) : m.startedUnixMs;
                    else
                        d.startedUnixMs = o.longs === $String ? $util.Long.prototype.toString.call(m.startedUnixMs) : o.longs === $Number ? new $util.LongBits(m.startedUnixMs.low >>> 0, m.startedUnixMs.high >>> 0).toNumber() : m.startedUnixMs;
                }
                if (m.finishedUnixMs != null && $Object.hasOwnProperty.call(m, "finishedUnixMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.finishedUnixMs = typeof m.finishedUnixMs === "number" ? $BigInt(m.finishedUnixMs) : $util.Long.fromBits(m.finishedUnixMs.low >>> 0, m.finishedUnixMs.high >>> 0, false).toBigInt();
                    else if (typeof m.finishedUnixMs === "number")
                        d.finishedUnixMs = o.longs === $String ? $String(m.finishedUnixMs) : m.finishedUnixMs;
                    else
                        d.finishedUnixMs = o.longs === $String ? $util.Long.prototype.toString.call(m.finishedUnixMs) : o.longs === $Number ? new $util.LongBits(m.finishedUnixMs.low >>> 0, m.finishedUnixMs.high >>> 0).toNumber() : m.finishedUnixMs;
                }
                if (m.interruption != null && $Object.hasOwnProperty.call(m, "interruption")) {
                    d.interruption = m.interruption;
                }
                return d;
            };

            JobObserved.prototype.toJSON = function() {
                return JobObserved.toObject(this, $protobuf.util.toJSONOptions);
            };

            return JobObserved;
        })();

        v1.Report = (function() {

            const Report = function (p) {
                this.gpus = [];
                this.jobs = [];
                this.errors = [];
                this.kubeletAllocations = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Report.prototype.generation = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Report.prototype.gpus = $util.emptyArray;
            Report.prototype.jobs = $util.emptyArray;
            Report.prototype.errors = $util.emptyArray;
            Report.prototype.kubeletAllocations = $util.emptyArray;
            Report.prototype.capabilities = null;
            Report.prototype.delta = false;
            Report.prototype.jobsChanged = false;
            Report.prototype.errorsChanged = false;
            Report.prototype.kubeletAllocationsChanged = false;

            Report.create = function(properties) {
                return new Report(properties);
            };

            Report.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.generation != null && $Object.hasOwnProperty.call(m, "generation") && (typeof m.generation === "object" ? m.generation.low || m.generation.high : m.generation !== 0))
                    w.uint32(8).uint64(m.generation);
                if (m.gpus != null && m.gpus.length) {
                    for (var i = 0; i < m.gpus.length; ++i)
                        $root.tessera.v1.GpuObserved.encode(m.gpus[i], w.uint32(18).fork(), q + 1).ldelim();
                }
                if (m.jobs != null && m.jobs.length) {
                    for (var i = 0; i < m.jobs.length; ++i)
                        $root.tessera.v1.JobObserved.encode(m.jobs[i], w.uint32(26).fork(), q + 1).ldelim();
                }
                if (m.errors != null && m.errors.length) {
                    for (var i = 0; i < m.errors.length; ++i)
                        w.uint32(34).string(m.errors[i]);
                }
                if (m.kubeletAllocations != null && m.kubeletAllocations.length) {
                    for (var i = 0; i < m.kubeletAllocations.length; ++i)
                        $root.tessera.v1.KubeletAllocation.encode(m.kubeletAllocations[i], w.uint32(42).fork(), q + 1).ldelim();
                }
                if (m.capabilities != null && $Object.hasOwnProperty.call(m, "capabilities"))
                    $root.tessera.v1.NodeCapabilities.encode(m.capabilities, w.uint32(50).fork(), q + 1).ldelim();
                if (m.delta != null && $Object.hasOwnProperty.call(m, "delta") && m.delta !== false)
                    w.uint32(56).bool(m.delta);
                if (m.jobsChanged != null && $Object.hasOwnProperty.call(m, "jobsChanged") && m.jobsChanged !== false)
                    w.uint32(64).bool(m.jobsChanged);
                if (m.errorsChanged != null && $Object.hasOwnProperty.call(m, "errorsChanged") && m.errorsChanged !== false)
                    w.uint32(72).bool(m.errorsChanged);
                if (m.kubeletAllocationsChanged != null && $Object.hasOwnProperty.call(m, "kubeletAllocationsChanged") && m.kubeletAllocationsChanged !== false)
                    w.uint32(80).bool(m.kubeletAllocationsChanged);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Report.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.Report();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.generation = v;
                            else
                                delete m.generation;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if (!(m.gpus && m.gpus.length))
                                m.gpus = [];
                            m.gpus.push($root.tessera.v1.GpuObserved.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.jobs && m.jobs.length))
                                m.jobs = [];
                            m.jobs.push($root.tessera.v1.JobObserved.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (!(m.errors && m.errors.length))
                                m.errors = [];
                            m.errors.push(r.stringVerify());
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if (!(m.kubeletAllocations && m.kubeletAllocations.length))
                                m.kubeletAllocations = [];
                            m.kubeletAllocations.push($root.tessera.v1.KubeletAllocation.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.capabilities = $root.tessera.v1.NodeCapabilities.decode(r, r.size(), $undefined, q + 1, m.capabilities);
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.delta = v;
                            else
                                delete m.delta;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.jobsChanged = v;
                            else
                                delete m.jobsChanged;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.errorsChanged = v;
                            else
                                delete m.errorsChanged;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.kubeletAllocationsChanged = v;
                            else
                                delete m.kubeletAllocationsChanged;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Report.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.Report)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.Report: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.Report();
                if (d.generation != null) {
                    if (typeof d.generation === "object" ? d.generation.low || d.generation.high : $Number(d.generation) !== 0) {
                        if ($util.Long)
                            m.generation = $util.Long.fromValue(d.generation, true);
                        else if (typeof d.generation === "string")
                            m.generation = $parseInt(d.generation, 10);
                        else if (typeof d.generation === "number")
                            m.generation = d.generation;
                        else if (typeof d.generation === "object")
                            m.generation = new $util.LongBits(d.generation.low >>> 0, d.generation.high >>> 0).toNumber(true);
                    }
                }
                if (d.gpus) {
                    if (!$Array.isArray(d.gpus))
                        throw $TypeError(".tessera.v1.Report.gpus: array expected");
                    m.gpus = $Array(d.gpus.length);
                    for (var i = 0; i < d.gpus.length; ++i) {
                        if (!$util.isObject(d.gpus[i]))
                            throw $TypeError(".tessera.v1.Report.gpus: object expected");
                        m.gpus[i] = $root.tessera.v1.GpuObserved.fromObject(d.gpus[i], q + 1);
                    }
                }
                if (d.jobs) {
                    if (!$Array.isArray(d.jobs))
                        throw $TypeError(".tessera.v1.Report.jobs: array expected");
                    m.jobs = $Array(d.jobs.length);
                    for (var i = 0; i < d.jobs.length; ++i) {
                        if (!$util.isObject(d.jobs[i]))
                            throw $TypeError(".tessera.v1.Report.jobs: object expected");
                        m.jobs[i] = $root.tessera.v1.JobObserved.fromObject(d.jobs[i], q + 1);
                    }
                }
                if (d.errors) {
                    if (!$Array.isArray(d.errors))
                        throw $TypeError(".tessera.v1.Report.errors: array expected");
                    m.errors = $Array(d.errors.length);
                    for (var i = 0; i < d.errors.length; ++i) {
                        m.errors[i] = $String(d.errors[i]);
                    }
                }
                if (d.kubeletAllocations) {
                    if (!$Array.isArray(d.kubeletAllocations))
                        throw $TypeError(".tessera.v1.Report.kubeletAllocations: array expected");
                    m.kubeletAllocations = $Array(d.kubeletAllocations.length);
                    for (var i = 0; i < d.kubeletAllocations.length; ++i) {
                        if (!$util.isObject(d.kubeletAllocations[i]))
                            throw $TypeError(".tessera.v1.Report.kubeletAllocations: object expected");
                        m.kubeletAllocations[i] = $root.tessera.v1.KubeletAllocation.fromObject(d.kubeletAllocations[i], q + 1);
                    }
                }
                if (d.capabilities != null) {
                    if (!$util.isObject(d.capabilities))
                        throw $TypeError(".tessera.v1.Report.capabilities: object expected");
                    m.capabilities = $root.tessera.v1.NodeCapabilities.fromObject(d.capabilities, q + 1);
                }
                if (d.delta != null) {
                    if (d.delta) {
                        m.delta = $Boolean(d.delta);
                    }
                }
                if (d.jobsChanged != null) {
                    if (d.jobsChanged) {
                        m.jobsChanged = $Boolean(d.jobsChanged);
                    }
                }
                if (d.errorsChanged != null) {
                    if (d.errorsChanged) {
                        m.errorsChanged = $Boolean(d.errorsChanged);
                    }
                }
                if (d.kubeletAllocationsChanged != null) {
                    if (d.kubeletAllocationsChanged) {
                        m.kubeletAllocationsChanged = $Boolean(d.kubeletAllocationsChanged);
                    }
                }
                return m;
            };

            Report.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.gpus = [];
                    d.jobs = [];
                    d.errors = [];
                    d.kubeletAllocations = [];
                }
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.generation = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.generation = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.capabilities = null;
                    d.delta = false;
                    d.jobsChanged = false;
                    d.errorsChanged = false;
                    d.kubeletAllocationsChanged = false;
                }
                if (m.generation != null && $Object.hasOwnProperty.call(m, "generation")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.generation = typeof m.generation === "number" ? $BigInt(m.generation) : $util.Long.fromBits(m.generation.low >>> 0, m.generation.high >>> 0, true).toBigInt();
                    else if (typeof m.generation === "number")
                        d.generation = o.longs === $String ? $String(m.generation) : m.generation;
                    else
                        d.generation = o.longs === $String ? $util.Long.prototype.toString.call(m.generation) : o.longs === $Number ? new $util.LongBits(m.generation.low >>> 0, m.generation.high >>> 0).toNumber(true) : m.generation;
                }
                if (m.gpus && m.gpus.length) {
                    d.gpus = $Array(m.gpus.length);
                    for (var j = 0; j < m.gpus.length; ++j) {
                        d.gpus[j] = $root.tessera.v1.GpuObserved.toObject(m.gpus[j], o, q + 1);
                    }
                }
                if (m.jobs && m.jobs.length) {
                    d.jobs = $Array(m.jobs.length);
                    for (var j = 0; j < m.jobs.length; ++j) {
                        d.jobs[j] = $root.tessera.v1.JobObserved.toObject(m.jobs[j], o, q + 1);
                    }
                }
                if (m.errors && m.errors.length) {
                    d.errors = $Array(m.errors.length);
                    for (var j = 0; j < m.errors.length; ++j) {
                        d.errors[j] = m.errors[j];
                    }
                }
                if (m.kubeletAllocations && m.kubeletAllocations.length) {
                    d.kubeletAllocations = $Array(m.kubeletAllocations.length);
                    for (var j = 0; j < m.kubeletAllocations.length; ++j) {
                        d.kubeletAllocations[j] = $root.tessera.v1.KubeletAllocation.toObject(m.kubeletAllocations[j], o, q + 1);
                    }
                }
                if (m.capabilities != null && $Object.hasOwnProperty.call(m, "capabilities")) {
                    d.capabilities = $root.tessera.v1.NodeCapabilities.toObject(m.capabilities, o, q + 1);
                }
                if (m.delta != null && $Object.hasOwnProperty.call(m, "delta")) {
                    d.delta = m.delta;
                }
                if (m.jobsChanged != null && $Object.hasOwnProperty.call(m, "jobsChanged")) {
                    d.jobsChanged = m.jobsChanged;
                }
                if (m.errorsChanged != null && $Object.hasOwnProperty.call(m, "errorsChanged")) {
                    d.errorsChanged = m.errorsChanged;
                }
                if (m.kubeletAllocationsChanged != null && $Object.hasOwnProperty.call(m, "kubeletAllocationsChanged")) {
                    d.kubeletAllocationsChanged = m.kubeletAllocationsChanged;
                }
                return d;
            };

            Report.prototype.toJSON = function() {
                return Report.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Report;
        })();

        v1.KubeletAllocation = (function() {

            const KubeletAllocation = function (p) {
                this.deviceIds = [];
                this.gpuUuids = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            KubeletAllocation.prototype.resourceName = "";
            KubeletAllocation.prototype.kind = "";
            KubeletAllocation.prototype.deviceIds = $util.emptyArray;
            KubeletAllocation.prototype.gpuUuids = $util.emptyArray;

            KubeletAllocation.create = function(properties) {
                return new KubeletAllocation(properties);
            };

            KubeletAllocation.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.resourceName != null && $Object.hasOwnProperty.call(m, "resourceName") && m.resourceName !== "")
                    w.uint32(10).string(m.resourceName);
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== "")
                    w.uint32(18).string(m.kind);
                if (m.deviceIds != null && m.deviceIds.length) {
                    for (var i = 0; i < m.deviceIds.length; ++i)
                        w.uint32(26).string(m.deviceIds[i]);
                }
                if (m.gpuUuids != null && m.gpuUuids.length) {
                    for (var i = 0; i < m.gpuUuids.length; ++i)
                        w.uint32(34).string(m.gpuUuids[i]);
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            KubeletAllocation.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.KubeletAllocation();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.resourceName = v;
                            else
                                delete m.resourceName;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.kind = v;
                            else
                                delete m.kind;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.deviceIds && m.deviceIds.length))
                                m.deviceIds = [];
                            m.deviceIds.push(r.stringVerify());
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (!(m.gpuUuids && m.gpuUuids.length))
                                m.gpuUuids = [];
                            m.gpuUuids.push(r.stringVerify());
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            KubeletAllocation.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.KubeletAllocation)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.KubeletAllocation: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.KubeletAllocation();
                if (d.resourceName != null) {
                    if (typeof d.resourceName !== "string" || d.resourceName.length) {
                        m.resourceName = $String(d.resourceName);
                    }
                }
                if (d.kind != null) {
                    if (typeof d.kind !== "string" || d.kind.length) {
                        m.kind = $String(d.kind);
                    }
                }
                if (d.deviceIds) {
                    if (!$Array.isArray(d.deviceIds))
                        throw $TypeError(".tessera.v1.KubeletAllocation.deviceIds: array expected");
                    m.deviceIds = $Array(d.deviceIds.length);
                    for (var i = 0; i < d.deviceIds.length; ++i) {
                        m.deviceIds[i] = $String(d.deviceIds[i]);
                    }
                }
                if (d.gpuUuids) {
                    if (!$Array.isArray(d.gpuUuids))
                        throw $TypeError(".tessera.v1.KubeletAllocation.gpuUuids: array expected");
                    m.gpuUuids = $Array(d.gpuUuids.length);
                    for (var i = 0; i < d.gpuUuids.length; ++i) {
                        m.gpuUuids[i] = $String(d.gpuUuids[i]);
                    }
                }
                return m;
            };

            KubeletAllocation.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.deviceIds = [];
                    d.gpuUuids = [];
                }
                if (o.defaults) {
                    d.resourceName = "";
                    d.kind = "";
                }
                if (m.resourceName != null && $Object.hasOwnProperty.call(m, "resourceName")) {
                    d.resourceName = m.resourceName;
                }
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                    d.kind = m.kind;
                }
                if (m.deviceIds && m.deviceIds.length) {
                    d.deviceIds = $Array(m.deviceIds.length);
                    for (var j = 0; j < m.deviceIds.length; ++j) {
                        d.deviceIds[j] = m.deviceIds[j];
                    }
                }
                if (m.gpuUuids && m.gpuUuids.length) {
                    d.gpuUuids = $Array(m.gpuUuids.length);
                    for (var j = 0; j < m.gpuUuids.length; ++j) {
                        d.gpuUuids[j] = m.gpuUuids[j];
                    }
                }
                return d;
            };

            KubeletAllocation.prototype.toJSON = function() {
                return KubeletAllocation.toObject(this, $protobuf.util.toJSONOptions);
            };

            return KubeletAllocation;
        })();

        v1.AgentLogChunk = (function() {

            const AgentLogChunk = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            AgentLogChunk.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            AgentLogChunk.prototype.data = $util.newBuffer([]);
            AgentLogChunk.prototype.eof = false;
            AgentLogChunk.prototype.error = "";

            AgentLogChunk.create = function(properties) {
                return new AgentLogChunk(properties);
            };

            AgentLogChunk.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.requestId != null && $Object.hasOwnProperty.call(m, "requestId") && (typeof m.requestId === "object" ? m.requestId.low || m.requestId.high : m.requestId !== 0))
                    w.uint32(8).uint64(m.requestId);
                if (m.data != null && $Object.hasOwnProperty.call(m, "data") && m.data.length)
                    w.uint32(18).bytes(m.data);
                if (m.eof != null && $Object.hasOwnProperty.call(m, "eof") && m.eof !== false)
                    w.uint32(24).bool(m.eof);
                if (m.error != null && $Object.hasOwnProperty.call(m, "error") && m.error !== "")
                    w.uint32(34).string(m.error);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            AgentLogChunk.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.AgentLogChunk();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.requestId = v;
                            else
                                delete m.requestId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.data = v;
                            else
                                delete m.data;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.eof = v;
                            else
                                delete m.eof;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.error = v;
                            else
                                delete m.error;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            AgentLogChunk.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.AgentLogChunk)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.AgentLogChunk: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.AgentLogChunk();
                if (d.requestId != null) {
                    if (typeof d.requestId === "object" ? d.requestId.low || d.requestId.high : $Number(d.requestId) !== 0) {
                        if ($util.Long)
                            m.requestId = $util.Long.fromValue(d.requestId, true);
                        else if (typeof d.requestId === "string")
                            m.requestId = $parseInt(d.requestId, 10);
                        else if (typeof d.requestId === "number")
                            m.requestId = d.requestId;
                        else if (typeof d.requestId === "object")
                            m.requestId = new $util.LongBits(d.requestId.low >>> 0, d.requestId.high >>> 0).toNumber(true);
                    }
                }
                if (d.data != null) {
                    if (d.data.length) {
                        if (typeof d.data === "string")
                            $util.base64.decode(d.data, m.data = $util.newBuffer($util.base64.length(d.data)), 0);
                        else if (d.data.length >= 0)
                            m.data = d.data;
                    }
                }
                if (d.eof != null) {
                    if (d.eof) {
                        m.eof = $Boolean(d.eof);
                    }
                }
                if (d.error != null) {
                    if (typeof d.error !== "string" || d.error.length) {
                        m.error = $String(d.error);
                    }
                }
                return m;
            };

            AgentLogChunk.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.requestId = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.requestId = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if (o.bytes === $String)
                        d.data = "";
                    else {
                        d.data = [];
                        if (o.bytes !== $Array)
                            d.data = $util.newBuffer(d.data);
                    }
                    d.eof = false;
                    d.error = "";
                }
                if (m.requestId != null && $Object.hasOwnProperty.call(m, "requestId")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.requestId = typeof m.requestId === "number" ? $BigInt(m.requestId) : $util.Long.fromBits(m.requestId.low >>> 0, m.requestId.high >>> 0, true).toBigInt();
                    else if (typeof m.requestId === "number")
                        d.requestId = o.longs === $String ? $String(m.requestId) : m.requestId;
                    else
                        d.requestId = o.longs === $String ? $util.Long.prototype.toString.call(m.requestId) : o.longs === $Number ? new $util.LongBits(m.requestId.low >>> 0, m.requestId.high >>> 0).toNumber(true) : m.requestId;
                }
                if (m.data != null && $Object.hasOwnProperty.call(m, "data")) {
                    d.data = o.bytes === $String ? $util.base64.encode(m.data, 0, m.data.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.data) : m.data;
                }
                if (m.eof != null && $Object.hasOwnProperty.call(m, "eof")) {
                    d.eof = m.eof;
                }
                if (m.error != null && $Object.hasOwnProperty.call(m, "error")) {
                    d.error = m.error;
                }
                return d;
            };

            AgentLogChunk.prototype.toJSON = function() {
                return AgentLogChunk.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AgentLogChunk;
        })();

        v1.AgentMessage = (function() {

            const AgentMessage = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            AgentMessage.prototype.register = null;
            AgentMessage.prototype.report = null;
            AgentMessage.prototype.logChunk = null;

            let $oneOfFields;

            $Object.defineProperty(AgentMessage.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["register", "report", "logChunk"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            AgentMessage.create = function(properties) {
                return new AgentMessage(properties);
            };

            AgentMessage.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.register != null && $Object.hasOwnProperty.call(m, "register"))
                    $root.tessera.v1.Register.encode(m.register, w.uint32(10).fork(), q + 1).ldelim();
                if (m.report != null && $Object.hasOwnProperty.call(m, "report"))
                    $root.tessera.v1.Report.encode(m.report, w.uint32(18).fork(), q + 1).ldelim();
                if (m.logChunk != null && $Object.hasOwnProperty.call(m, "logChunk"))
                    $root.tessera.v1.AgentLogChunk.encode(m.logChunk, w.uint32(26).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            AgentMessage.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.AgentMessage();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.register = $root.tessera.v1.Register.decode(r, r.size(), $undefined, q + 1, m.register);
                            m.body = "register";
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.report = $root.tessera.v1.Report.decode(r, r.size(), $undefined, q + 1, m.report);
                            m.body = "report";
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.logChunk = $root.tessera.v1.AgentLogChunk.decode(r, r.size(), $undefined, q + 1, m.logChunk);
                            m.body = "logChunk";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            AgentMessage.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.AgentMessage)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.AgentMessage: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.AgentMessage();
                if (d.register != null) {
                    if (!$util.isObject(d.register))
                        throw $TypeError(".tessera.v1.AgentMessage.register: object expected");
                    m.register = $root.tessera.v1.Register.fromObject(d.register, q + 1);
                }
                if (d.report != null) {
                    if (!$util.isObject(d.report))
                        throw $TypeError(".tessera.v1.AgentMessage.report: object expected");
                    m.report = $root.tessera.v1.Report.fromObject(d.report, q + 1);
                }
                if (d.logChunk != null) {
                    if (!$util.isObject(d.logChunk))
                        throw $TypeError(".tessera.v1.AgentMessage.logChunk: object expected");
                    m.logChunk = $root.tessera.v1.AgentLogChunk.fromObject(d.logChunk, q + 1);
                }
                return m;
            };

            AgentMessage.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (m.register != null && $Object.hasOwnProperty.call(m, "register")) {
                    d.register = $root.tessera.v1.Register.toObject(m.register, o, q + 1);
                    if (o.oneofs)
                        d.body = "register";
                }
                if (m.report != null && $Object.hasOwnProperty.call(m, "report")) {
                    d.report = $root.tessera.v1.Report.toObject(m.report, o, q + 1);
                    if (o.oneofs)
                        d.body = "report";
                }
                if (m.logChunk != null && $Object.hasOwnProperty.call(m, "logChunk")) {
                    d.logChunk = $root.tessera.v1.AgentLogChunk.toObject(m.logChunk, o, q + 1);
                    if (o.oneofs)
                        d.body = "logChunk";
                }
                return d;
            };

            AgentMessage.prototype.toJSON = function() {
                return AgentMessage.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AgentMessage;
        })();

        v1.GpuDesired = (function() {

            const GpuDesired = function (p) {
                this.mig = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            GpuDesired.prototype.uuid = "";
            GpuDesired.prototype.mode = "";
            GpuDesired.prototype.mig = $util.emptyArray;

            GpuDesired.create = function(properties) {
                return new GpuDesired(properties);
            };

            GpuDesired.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.uuid != null && $Object.hasOwnProperty.call(m, "uuid") && m.uuid !== "")
                    w.uint32(10).string(m.uuid);
                if (m.mode != null && $Object.hasOwnProperty.call(m, "mode") && m.mode !== "")
                    w.uint32(18).string(m.mode);
                if (m.mig != null && m.mig.length) {
                    for (var i = 0; i < m.mig.length; ++i)
                        $root.tessera.v1.MigPlacement.encode(m.mig[i], w.uint32(26).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            GpuDesired.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.GpuDesired();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.uuid = v;
                            else
                                delete m.uuid;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.mode = v;
                            else
                                delete m.mode;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.mig && m.mig.length))
                                m.mig = [];
                            m.mig.push($root.tessera.v1.MigPlacement.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            GpuDesired.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.GpuDesired)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.GpuDesired: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.GpuDesired();
                if (d.uuid != null) {
                    if (typeof d.uuid !== "string" || d.uuid.length) {
                        m.uuid = $String(d.uuid);
                    }
                }
                if (d.mode != null) {
                    if (typeof d.mode !== "string" || d.mode.length) {
                        m.mode = $String(d.mode);
                    }
                }
                if (d.mig) {
                    if (!$Array.isArray(d.mig))
                        throw $TypeError(".tessera.v1.GpuDesired.mig: array expected");
                    m.mig = $Array(d.mig.length);
                    for (var i = 0; i < d.mig.length; ++i) {
                        if (!$util.isObject(d.mig[i]))
                            throw $TypeError(".tessera.v1.GpuDesired.mig: object expected");
                        m.mig[i] = $root.tessera.v1.MigPlacement.fromObject(d.mig[i], q + 1);
                    }
                }
                return m;
            };

            GpuDesired.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.mig = [];
                }
                if (o.defaults) {
                    d.uuid = "";
                    d.mode = "";
                }
                if (m.uuid != null && $Object.hasOwnProperty.call(m, "uuid")) {
                    d.uuid = m.uuid;
                }
                if (m.mode != null && $Object.hasOwnProperty.call(m, "mode")) {
                    d.mode = m.mode;
                }
                if (m.mig && m.mig.length) {
                    d.mig = $Array(m.mig.length);
                    for (var j = 0; j < m.mig.length; ++j) {
                        d.mig[j] = $root.tessera.v1.MigPlacement.toObject(m.mig[j], o, q + 1);
                    }
                }
                return d;
            };

            GpuDesired.prototype.toJSON = function() {
                return GpuDesired.toObject(this, $protobuf.util.toJSONOptions);
            };

            return GpuDesired;
        })();

        v1.MigPlacement = (function() {

            const MigPlacement = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            MigPlacement.prototype.profile = "";
            MigPlacement.prototype.start = 0;
            MigPlacement.prototype.size = 0;

            MigPlacement.create = function(properties) {
                return new MigPlacement(properties);
            };

            MigPlacement.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.profile != null && $Object.hasOwnProperty.call(m, "profile") && m.profile !== "")
                    w.uint32(10).string(m.profile);
                if (m.start != null && $Object.hasOwnProperty.call(m, "start") && m.start !== 0)
                    w.uint32(16).uint32(m.start);
                if (m.size != null && $Object.hasOwnProperty.call(m, "size") && m.size !== 0)
                    w.uint32(24).uint32(m.size);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            MigPlacement.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.MigPlacement();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.profile = v;
                            else
                                delete m.profile;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.start = v;
                            else
                                delete m.start;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.size = v;
                            else
                                delete m.size;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            MigPlacement.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.MigPlacement)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.MigPlacement: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.MigPlacement();
                if (d.profile != null) {
                    if (typeof d.profile !== "string" || d.profile.length) {
                        m.profile = $String(d.profile);
                    }
                }
                if (d.start != null) {
                    if ($Number(d.start) !== 0) {
                        m.start = d.start >>> 0;
                    }
                }
                if (d.size != null) {
                    if ($Number(d.size) !== 0) {
                        m.size = d.size >>> 0;
                    }
                }
                return m;
            };

            MigPlacement.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.profile = "";
                    d.start = 0;
                    d.size = 0;
                }
                if (m.profile != null && $Object.hasOwnProperty.call(m, "profile")) {
                    d.profile = m.profile;
                }
                if (m.start != null && $Object.hasOwnProperty.call(m, "start")) {
                    d.start = m.start;
                }
                if (m.size != null && $Object.hasOwnProperty.call(m, "size")) {
                    d.size = m.size;
                }
                return d;
            };

            MigPlacement.prototype.toJSON = function() {
                return MigPlacement.toObject(this, $protobuf.util.toJSONOptions);
            };

            return MigPlacement;
        })();

        v1.AssignedSlice = (function() {

            const AssignedSlice = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            AssignedSlice.prototype.gpuUuid = "";
            AssignedSlice.prototype.kind = "";
            AssignedSlice.prototype.migProfile = "";
            AssignedSlice.prototype.migStart = 0;
            AssignedSlice.prototype.shareMilli = 0;
            AssignedSlice.prototype.shareMemoryMib = 0;

            AssignedSlice.create = function(properties) {
                return new AssignedSlice(properties);
            };

            AssignedSlice.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.gpuUuid != null && $Object.hasOwnProperty.call(m, "gpuUuid") && m.gpuUuid !== "")
                    w.uint32(10).string(m.gpuUuid);
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== "")
                    w.uint32(18).string(m.kind);
                if (m.migProfile != null && $Object.hasOwnProperty.call(m, "migProfile") && m.migProfile !== "")
                    w.uint32(26).string(m.migProfile);
                if (m.migStart != null && $Object.hasOwnProperty.call(m, "migStart") && m.migStart !== 0)
                    w.uint32(32).uint32(m.migStart);
                if (m.shareMilli != null && $Object.hasOwnProperty.call(m, "shareMilli") && m.shareMilli !== 0)
                    w.uint32(40).uint32(m.shareMilli);
                if (m.shareMemoryMib != null && $Object.hasOwnProperty.call(m, "shareMemoryMib") && m.shareMemoryMib !== 0)
                    w.uint32(48).uint32(m.shareMemoryMib);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            AssignedSlice.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.AssignedSlice();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.gpuUuid = v;
                            else
                                delete m.gpuUuid;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.kind = v;
                            else
                                delete m.kind;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.migProfile = v;
                            else
                                delete m.migProfile;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.migStart = v;
                            else
                                delete m.migStart;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.shareMilli = v;
                            else
                                delete m.shareMilli;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.shareMemoryMib = v;
                            else
                                delete m.shareMemoryMib;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            AssignedSlice.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.AssignedSlice)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.AssignedSlice: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.AssignedSlice();
                if (d.gpuUuid != null) {
                    if (typeof d.gpuUuid !== "string" || d.gpuUuid.length) {
                        m.gpuUuid = $String(d.gpuUuid);
                    }
                }
                if (d.kind != null) {
                    if (typeof d.kind !== "string" || d.kind.length) {
                        m.kind = $String(d.kind);
                    }
                }
                if (d.migProfile != null) {
                    if (typeof d.migProfile !== "string" || d.migProfile.length) {
                        m.migProfile = $String(d.migProfile);
                    }
                }
                if (d.migStart != null) {
                    if ($Number(d.migStart) !== 0) {
                        m.migStart = d.migStart >>> 0;
                    }
                }
                if (d.shareMilli != null) {
                    if ($Number(d.shareMilli) !== 0) {
                        m.shareMilli = d.shareMilli >>> 0;
                    }
                }
                if (d.shareMemoryMib != null) {
                    if ($Number(d.shareMemoryMib) !== 0) {
                        m.shareMemoryMib = d.shareMemoryMib >>> 0;
                    }
                }
                return m;
            };

            AssignedSlice.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.gpuUuid = "";
                    d.kind = "";
                    d.migProfile = "";
                    d.migStart = 0;
                    d.shareMilli = 0;
                    d.shareMemoryMib = 0;
                }
                if (m.gpuUuid != null && $Object.hasOwnProperty.call(m, "gpuUuid")) {
                    d.gpuUuid = m.gpuUuid;
                }
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                    d.kind = m.kind;
                }
                if (m.migProfile != null && $Object.hasOwnProperty.call(m, "migProfile")) {
                    d.migProfile = m.migProfile;
                }
                if (m.migStart != null && $Object.hasOwnProperty.call(m, "migStart")) {
                    d.migStart = m.migStart;
                }
                if (m.shareMilli != null && $Object.hasOwnProperty.call(m, "shareMilli")) {
                    d.shareMilli = m.shareMilli;
                }
                if (m.shareMemoryMib != null && $Object.hasOwnProperty.call(m, "shareMemoryMib")) {
                    d.shareMemoryMib = m.shareMemoryMib;
                }
                return d;
            };

            AssignedSlice.prototype.toJSON = function() {
                return AssignedSlice.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AssignedSlice;
        })();

        v1.Assignment = (function() {

            const Assignment = function (p) {
                this.command = [];
                this.env = {};
                this.slices = [];
                this.mounts = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Assignment.prototype.jobId = "";
            Assignment.prototype.attempt = 0;
            Assignment.prototype.command = $util.emptyArray;
            Assignment.prototype.env = $util.emptyObject;
            Assignment.prototype.workdir = "";
            Assignment.prototype.slices = $util.emptyArray;
            Assignment.prototype.image = "";
            Assignment.prototype.mounts = $util.emptyArray;

            Assignment.create = function(properties) {
                return new Assignment(properties);
            };

            Assignment.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.jobId != null && $Object.hasOwnProperty.call(m, "jobId") && m.jobId !== "")
                    w.uint32(10).string(m.jobId);
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt") && m.attempt !== 0)
                    w.uint32(16).uint32(m.attempt);
                if (m.command != null && m.command.length) {
                    for (var i = 0; i < m.command.length; ++i)
                        w.uint32(26).string(m.command[i]);
                }
                if (m.env != null && $Object.hasOwnProperty.call(m, "env")) {
                    for (var ks = $Object.keys(m.env), i = 0; i < ks.length; ++i) {
                        w.uint32(34).fork().uint32(10).string(ks[i]).uint32(18).string(m.env[ks[i]]).ldelim();
                    }
                }
                if (m.workdir != null && $Object.hasOwnProperty.call(m, "workdir") && m.workdir !== "")
                    w.uint32(42).string(m.workdir);
                if (m.slices != null && m.slices.length) {
                    for (var i = 0; i < m.slices.length; ++i)
                        $root.tessera.v1.AssignedSlice.encode(m.slices[i], w.uint32(50).fork(), q + 1).ldelim();
                }
                if (m.image != null && $Object.hasOwnProperty.call(m, "image") && m.image !== "")
                    w.uint32(58).string(m.image);
                if (m.mounts != null && m.mounts.length) {
                    for (var i = 0; i < m.mounts.length; ++i)
                        $root.tessera.v1.AssignedMount.encode(m.mounts[i], w.uint32(66).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Assignment.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, k, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.Assignment();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.jobId = v;
                            else
                                delete m.jobId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.attempt = v;
                            else
                                delete m.attempt;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.command && m.command.length))
                                m.command = [];
                            m.command.push(r.stringVerify());
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (m.env === $util.emptyObject)
                                m.env = {};
                            var c2 = r.size() + r.pos;
                            if (c2 > r.len)
                                throw $RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            v = "";
                            while (r.pos < c2) {
                                var t2 = r.tag();
                                u = t2 & 7;
                                switch (t2 >>>= 3) {
                                case 1:
                                    if (u !== 2)
                                        break;
                                    k = r.stringVerify();
                                    continue;
                                case 2:
                                    if (u !== 2)
                                        break;
                                    v = r.stringVerify();
                                    continue;
                                }
                                r.skipType(u, q, t2);
                            }
                            if (r.pos !== c2)
                                throw $RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.env, k);
                            m.env[k] = v;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.workdir = v;
                            else
                                delete m.workdir;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if (!(m.slices && m.slices.length))
                                m.slices = [];
                            m.slices.push($root.tessera.v1.AssignedSlice.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.image = v;
                            else
                                delete m.image;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if (!(m.mounts && m.mounts.length))
                                m.mounts = [];
                            m.mounts.push($root.tessera.v1.AssignedMount.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Assignment.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.Assignment)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.Assignment: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.Assignment();
                if (d.jobId != null) {
                    if (typeof d.jobId !== "string" || d.jobId.length) {
                        m.jobId = $String(d.jobId);
                    }
                }
                if (d.attempt != null) {
                    if ($Number(d.attempt) !== 0) {
                        m.attempt = d.attempt >>> 0;
                    }
                }
                if (d.command) {
                    if (!$Array.isArray(d.command))
                        throw $TypeError(".tessera.v1.Assignment.command: array expected");
                    m.command = $Array(d.command.length);
                    for (var i = 0; i < d.command.length; ++i) {
                        m.command[i] = $String(d.command[i]);
                    }
                }
                if (d.env) {
                    if (!$util.isObject(d.env))
                        throw $TypeError(".tessera.v1.Assignment.env: object expected");
                    m.env = {};
                    for (var ks = $Object.keys(d.env), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.env, ks[i]);
                        m.env[ks[i]] = $String(d.env[ks[i]]);
                    }
                }
                if (d.workdir != null) {
                    if (typeof d.workdir !== "string" || d.workdir.length) {
                        m.workdir = $String(d.workdir);
                    }
                }
                if (d.slices) {
                    if (!$Array.isArray(d.slices))
                        throw $TypeError(".tessera.v1.Assignment.slices: array expected");
                    m.slices = $Array(d.slices.length);
                    for (var i = 0; i < d.slices.length; ++i) {
                        if (!$util.isObject(d.slices[i]))
                            throw $TypeError(".tessera.v1.Assignment.slices: object expected");
                        m.slices[i] = $root.tessera.v1.AssignedSlice.fromObject(d.slices[i], q + 1);
                    }
                }
                if (d.image != null) {
                    if (typeof d.image !== "string" || d.image.length) {
                        m.image = $String(d.image);
                    }
                }
                if (d.mounts) {
                    if (!$Array.isArray(d.mounts))
                        throw $TypeError(".tessera.v1.Assignment.mounts: array expected");
                    m.mounts = $Array(d.mounts.length);
                    for (var i = 0; i < d.mounts.length; ++i) {
                        if (!$util.isObject(d.mounts[i]))
                            throw $TypeError(".tessera.v1.Assignment.mounts: object expected");
                        m.mounts[i] = $root.tessera.v1.AssignedMount.fromObject(d.mounts[i], q + 1);
                    }
                }
                return m;
            };

            Assignment.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.command = [];
                    d.slices = [];
                    d.mounts = [];
                }
                if (o.objects || o.defaults) {
                    d.env = {};
                }
                if (o.defaults) {
                    d.jobId = "";
                    d.attempt = 0;
                    d.workdir = "";
                    d.image = "";
                }
                if (m.jobId != null && $Object.hasOwnProperty.call(m, "jobId")) {
                    d.jobId = m.jobId;
                }
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt")) {
                    d.attempt = m.attempt;
                }
                if (m.command && m.command.length) {
                    d.command = $Array(m.command.length);
                    for (var j = 0; j < m.command.length; ++j) {
                        d.command[j] = m.command[j];
                    }
                }
                var ks2;
                if (m.env && (ks2 = $Object.keys(m.env)).length) {
                    d.env = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.env, ks2[j]);
                        d.env[ks2[j]] = m.env[ks2[j]];
                    }
                }
                if (m.workdir != null && $Object.hasOwnProperty.call(m, "workdir")) {
                    d.workdir = m.workdir;
                }
                if (m.slices && m.slices.length) {
                    d.slices = $Array(m.slices.length);
                    for (var j = 0; j < m.slices.length; ++j) {
                        d.slices[j] = $root.tessera.v1.AssignedSlice.toObject(m.slices[j], o, q + 1);
                    }
                }
                if (m.image != null && $Object.hasOwnProperty.call(m, "image")) {
                    d.image = m.image;
                }
                if (m.mounts && m.mounts.length) {
                    d.mounts = $Array(m.mounts.length);
                    for (var j = 0; j < m.mounts.length; ++j) {
                        d.mounts[j] = $root.tessera.v1.AssignedMount.toObject(m.mounts[j], o, q + 1);
                    }
                }
                return d;
            };

            Assignment.prototype.toJSON = function() {
                return Assignment.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Assignment;
        })();

        v1.AssignedMount = (function() {

            const AssignedMount = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            AssignedMount.prototype.source = "";
            AssignedMount.prototype.target = "";
            AssignedMount.prototype.readOnly = false;

            AssignedMount.create = function(properties) {
                return new AssignedMount(properties);
            };

            AssignedMount.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.source != null && $Object.hasOwnProperty.call(m, "source") && m.source !== "")
                    w.uint32(10).string(m.source);
                if (m.target != null && $Object.hasOwnProperty.call(m, "target") && m.target !== "")
                    w.uint32(18).string(m.target);
                if (m.readOnly != null && $Object.hasOwnProperty.call(m, "readOnly") && m.readOnly !== false)
                    w.uint32(24).bool(m.readOnly);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            AssignedMount.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.AssignedMount();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.source = v;
                            else
                                delete m.source;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.target = v;
                            else
                                delete m.target;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.readOnly = v;
                            else
                                delete m.readOnly;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            AssignedMount.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.AssignedMount)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.AssignedMount: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.AssignedMount();
                if (d.source != null) {
                    if (typeof d.source !== "string" || d.source.length) {
                        m.source = $String(d.source);
                    }
                }
                if (d.target != null) {
                    if (typeof d.target !== "string" || d.target.length) {
                        m.target = $String(d.target);
                    }
                }
                if (d.readOnly != null) {
                    if (d.readOnly) {
                        m.readOnly = $Boolean(d.readOnly);
                    }
                }
                return m;
            };

            AssignedMount.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.source = "";
                    d.target = "";
                    d.readOnly = false;
                }
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    d.source = m.source;
                }
                if (m.target != null && $Object.hasOwnProperty.call(m, "target")) {
                    d.target = m.target;
                }
                if (m.readOnly != null && $Object.hasOwnProperty.call(m, "readOnly")) {
                    d.readOnly = m.readOnly;
                }
                return d;
            };

            AssignedMount.prototype.toJSON = function() {
                return AssignedMount.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AssignedMount;
        })();

        v1.DesiredState = (function() {

            const DesiredState = function (p) {
                this.gpus = [];
                this.assignments = [];
                this.stops = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            DesiredState.prototype.generation = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            DesiredState.prototype.gpus = $util.emptyArray;
            DesiredState.prototype.assignments = $util.emptyArray;
            DesiredState.prototype.heartbeatMs = 0;
            DesiredState.prototype.leaseMs = 0;
            DesiredState.prototype.stops = $util.emptyArray;
            DesiredState.prototype.fencingTimeoutMs = 0;

            DesiredState.create = function(properties) {
                return new DesiredState(properties);
            };

            DesiredState.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.generation != null && $Object.hasOwnProperty.call(m, "generation") && (typeof m.generation === "object" ? m.generation.low || m.generation.high : m.generation !== 0))
                    w.uint32(8).uint64(m.generation);
                if (m.gpus != null && m.gpus.length) {
                    for (var i = 0; i < m.gpus.length; ++i)
                        $root.tessera.v1.GpuDesired.encode(m.gpus[i], w.uint32(18).fork(), q + 1).ldelim();
                }
                if (m.assignments != null && m.assignments.length) {
                    for (var i = 0; i < m.assignments.length; ++i)
                        $root.tessera.v1.Assignment.encode(m.assignments[i], w.uint32(26).fork(), q + 1).ldelim();
                }
                if (m.heartbeatMs != null && $Object.hasOwnProperty.call(m, "heartbeatMs") && m.heartbeatMs !== 0)
                    w.uint32(32).uint32(m.heartbeatMs);
                if (m.leaseMs != null && $Object.hasOwnProperty.call(m, "leaseMs") && m.leaseMs !== 0)
                    w.uint32(40).uint32(m.leaseMs);
                if (m.stops != null && m.stops.length) {
                    for (var i = 0; i < m.stops.length; ++i)
                        $root.tessera.v1.JobStop.encode(m.stops[i], w.uint32(50).fork(), q + 1).ldelim();
                }
                if (m.fencingTimeoutMs != null && $Object.hasOwnProperty.call(m, "fencingTimeoutMs") && m.fencingTimeoutMs !== 0)
                    w.uint32(56).uint32(m.fencingTimeoutMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            DesiredState.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.DesiredState();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.generation = v;
                            else
                                delete m.generation;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if (!(m.gpus && m.gpus.length))
                                m.gpus = [];
                            m.gpus.push($root.tessera.v1.GpuDesired.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.assignments && m.assignments.length))
                                m.assignments = [];
                            m.assignments.push($root.tessera.v1.Assignment.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.heartbeatMs = v;
                            else
                                delete m.heartbeatMs;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.leaseMs = v;
                            else
                                delete m.leaseMs;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if (!(m.stops && m.stops.length))
                                m.stops = [];
                            m.stops.push($root.tessera.v1.JobStop.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.fencingTimeoutMs = v;
                            else
                                delete m.fencingTimeoutMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            DesiredState.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.DesiredState)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.DesiredState: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.DesiredState();
                if (d.generation != null) {
                    if (typeof d.generation === "object" ? d.generation.low || d.generation.high : $Number(d.generation) !== 0) {
                        if ($util.Long)
                            m.generation = $util.Long.fromValue(d.generation, true);
                        else if (typeof d.generation === "string")
                            m.generation = $parseInt(d.generation, 10);
                        else if (typeof d.generation === "number")
                            m.generation = d.generation;
                        else if (typeof d.generation === "object")
                            m.generation = new $util.LongBits(d.generation.low >>> 0, d.generation.high >>> 0).toNumber(true);
                    }
                }
                if (d.gpus) {
                    if (!$Array.isArray(d.gpus))
                        throw $TypeError(".tessera.v1.DesiredState.gpus: array expected");
                    m.gpus = $Array(d.gpus.length);
                    for (var i = 0; i < d.gpus.length; ++i) {
                        if (!$util.isObject(d.gpus[i]))
                            throw $TypeError(".tessera.v1.DesiredState.gpus: object expected");
                        m.gpus[i] = $root.tessera.v1.GpuDesired.fromObject(d.gpus[i], q + 1);
                    }
                }
                if (d.assignments) {
                    if (!$Array.isArray(d.assignments))
                        throw $TypeError(".tessera.v1.DesiredState.assignments: array expected");
                    m.assignments = $Array(d.assignments.length);
                    for (var i = 0; i < d.assignments.length; ++i) {
                        if (!$util.isObject(d.assignments[i]))
                            throw $TypeError(".tessera.v1.DesiredState.assignments: object expected");
                        m.assignments[i] = $root.tessera.v1.Assignment.fromObject(d.assignments[i], q + 1);
                    }
                }
                if (d.heartbeatMs != null) {
                    if ($Number(d.heartbeatMs) !== 0) {
                        m.heartbeatMs = d.heartbeatMs >>> 0;
                    }
                }
                if (d.leaseMs != null) {
                    if ($Number(d.leaseMs) !== 0) {
                        m.leaseMs = d.leaseMs >>> 0;
                    }
                }
                if (d.stops) {
                    if (!$Array.isArray(d.stops))
                        throw $TypeError(".tessera.v1.DesiredState.stops: array expected");
                    m.stops = $Array(d.stops.length);
                    for (var i = 0; i < d.stops.length; ++i) {
                        if (!$util.isObject(d.stops[i]))
                            throw $TypeError(".tessera.v1.DesiredState.stops: object expected");
                        m.stops[i] = $root.tessera.v1.JobStop.fromObject(d.stops[i], q + 1);
                    }
                }
                if (d.fencingTimeoutMs != null) {
                    if ($Number(d.fencingTimeoutMs) !== 0) {
                        m.fencingTimeoutMs = d.fencingTimeoutMs >>> 0;
                    }
                }
                return m;
            };

            DesiredState.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.gpus = [];
                    d.assignments = [];
                    d.stops = [];
                }
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.generation = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.generation = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.heartbeatMs = 0;
                    d.leaseMs = 0;
                    d.fencingTimeoutMs = 0;
                }
                if (m.generation != null && $Object.hasOwnProperty.call(m, "generation")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.generation = typeof m.generation === "number" ? $BigInt(m.generation) : $util.Long.fromBits(m.generation.low >>> 0, m.generation.high >>> 0, true).toBigInt();
                    else if (typeof m.generation === "number")
                        d.generation = o.longs === $String ? $String(m.generation) : m.generation;
                    else
                        d.generation = o.longs === $String ? $util.Long.prototype.toString.call(m.generation) : o.longs === $Number ? new $util.LongBits(m.generation.low >>> 0, m.generation.high >>> 0).toNumber(true) : m.generation;
                }
                if (m.gpus && m.gpus.length) {
                    d.gpus = $Array(m.gpus.length);
                    for (var j = 0; j < m.gpus.length; ++j) {
                        d.gpus[j] = $root.tessera.v1.GpuDesired.toObject(m.gpus[j], o, q + 1);
                    }
                }
                if (m.assignments && m.assignments.length) {
                    d.assignments = $Array(m.assignments.length);
                    for (var j = 0; j < m.assignments.length; ++j) {
                        d.assignments[j] = $root.tessera.v1.Assignment.toObject(m.assignments[j], o, q + 1);
                    }
                }
                if (m.heartbeatMs != null && $Object.hasOwnProperty.call(m, "heartbeatMs")) {
                    d.heartbeatMs = m.heartbeatMs;
                }
                if (m.leaseMs != null && $Object.hasOwnProperty.call(m, "leaseMs")) {
                    d.leaseMs = m.leaseMs;
                }
                if (m.stops && m.stops.length) {
                    d.stops = $Array(m.stops.length);
                    for (var j = 0; j < m.stops.length; ++j) {
                        d.stops[j] = $root.tessera.v1.JobStop.toObject(m.stops[j], o, q + 1);
                    }
                }
                if (m.fencingTimeoutMs != null && $Object.hasOwnProperty.call(m, "fencingTimeoutMs")) {
                    d.fencingTimeoutMs = m.fencingTimeoutMs;
                }
                return d;
            };

            DesiredState.prototype.toJSON = function() {
                return DesiredState.toObject(this, $protobuf.util.toJSONOptions);
            };

            return DesiredState;
        })();

        v1.JobStop = (function() {

            const JobStop = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            JobStop.prototype.jobId = "";
            JobStop.prototype.attempt = 0;
            JobStop.prototype.graceSeconds = 0;

            JobStop.create = function(properties) {
                return new JobStop(properties);
            };

            JobStop.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.jobId != null && $Object.hasOwnProperty.call(m, "jobId") && m.jobId !== "")
                    w.uint32(10).string(m.jobId);
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt") && m.attempt !== 0)
                    w.uint32(16).uint32(m.attempt);
                if (m.graceSeconds != null && $Object.hasOwnProperty.call(m, "graceSeconds") && m.graceSeconds !== 0)
                    w.uint32(24).uint32(m.graceSeconds);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            JobStop.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.JobStop();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.jobId = v;
                            else
                                delete m.jobId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.attempt = v;
                            else
                                delete m.attempt;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.graceSeconds = v;
                            else
                                delete m.graceSeconds;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            JobStop.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.JobStop)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.JobStop: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.JobStop();
                if (d.jobId != null) {
                    if (typeof d.jobId !== "string" || d.jobId.length) {
                        m.jobId = $String(d.jobId);
                    }
                }
                if (d.attempt != null) {
                    if ($Number(d.attempt) !== 0) {
                        m.attempt = d.attempt >>> 0;
                    }
                }
                if (d.graceSeconds != null) {
                    if ($Number(d.graceSeconds) !== 0) {
                        m.graceSeconds = d.graceSeconds >>> 0;
                    }
                }
                return m;
            };

            JobStop.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.jobId = "";
                    d.attempt = 0;
                    d.graceSeconds = 0;
                }
                if (m.jobId != null && $Object.hasOwnProperty.call(m, "jobId")) {
                    d.jobId = m.jobId;
                }
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt")) {
                    d.attempt = m.attempt;
                }
                if (m.graceSeconds != null && $Object.hasOwnProperty.call(m, "graceSeconds")) {
                    d.graceSeconds = m.graceSeconds;
                }
                return d;
            };

            JobStop.prototype.toJSON = function() {
                return JobStop.toObject(this, $protobuf.util.toJSONOptions);
            };

            return JobStop;
        })();

        v1.LogRequest = (function() {

            const LogRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            LogRequest.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            LogRequest.prototype.jobId = "";
            LogRequest.prototype.attempt = 0;
            LogRequest.prototype.offset = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            LogRequest.prototype.follow = false;
            LogRequest.prototype.cancel = false;

            LogRequest.create = function(properties) {
                return new LogRequest(properties);
            };

            LogRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.requestId != null && $Object.hasOwnProperty.call(m, "requestId") && (typeof m.requestId === "object" ? m.requestId.low || m.requestId.high : m.requestId !== 0))
                    w.uint32(8).uint64(m.requestId);
                if (m.jobId != null && $Object.hasOwnProperty.call(m, "jobId") && m.jobId !== "")
                    w.uint32(18).string(m.jobId);
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt") && m.attempt !== 0)
                    w.uint32(24).uint32(m.attempt);
                if (m.offset != null && $Object.hasOwnProperty.call(m, "offset") && (typeof m.offset === "object" ? m.offset.low || m.offset.high : m.offset !== 0))
                    w.uint32(32).uint64(m.offset);
                if (m.follow != null && $Object.hasOwnProperty.call(m, "follow") && m.follow !== false)
                    w.uint32(40).bool(m.follow);
                if (m.cancel != null && $Object.hasOwnProperty.call(m, "cancel") && m.cancel !== false)
                    w.uint32(48).bool(m.cancel);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            LogRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.LogRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.requestId = v;
                            else
                                delete m.requestId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.jobId = v;
                            else
                                delete m.jobId;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.attempt = v;
                            else
                                delete m.attempt;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.offset = v;
                            else
                                delete m.offset;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.follow = v;
                            else
                                delete m.follow;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.cancel = v;
                            else
                                delete m.cancel;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            LogRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.LogRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.LogRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.LogRequest();
                if (d.requestId != null) {
                    if (typeof d.requestId === "object" ? d.requestId.low || d.requestId.high : $Number(d.requestId) !== 0) {
                        if ($util.Long)
                            m.requestId = $util.Long.fromValue(d.requestId, true);
                        else if (typeof d.requestId === "string")
                            m.requestId = $parseInt(d.requestId, 10);
                        else if (typeof d.requestId === "number")
                            m.requestId = d.requestId;
                        else if (typeof d.requestId === "object")
                            m.requestId = new $util.LongBits(d.requestId.low >>> 0, d.requestId.high >>> 0).toNumber(true);
                    }
                }
                if (d.jobId != null) {
                    if (typeof d.jobId !== "string" || d.jobId.length) {
                        m.jobId = $String(d.jobId);
                    }
                }
                if (d.attempt != null) {
                    if ($Number(d.attempt) !== 0) {
                        m.attempt = d.attempt >>> 0;
                    }
                }
                if (d.offset != null) {
                    if (typeof d.offset === "object" ? d.offset.low || d.offset.high : $Number(d.offset) !== 0) {
                        if ($util.Long)
                            m.offset = $util.Long.fromValue(d.offset, true);
                        else if (typeof d.offset === "string")
                            m.offset = $parseInt(d.offset, 10);
                        else if (typeof d.offset === "number")
                            m.offset = d.offset;
                        else if (typeof d.offset === "object")
                            m.offset = new $util.LongBits(d.offset.low >>> 0, d.offset.high >>> 0).toNumber(true);
                    }
                }
                if (d.follow != null) {
                    if (d.follow) {
                        m.follow = $Boolean(d.follow);
                    }
                }
                if (d.cancel != null) {
                    if (d.cancel) {
                        m.cancel = $Boolean(d.cancel);
                    }
                }
                return m;
            };

            LogRequest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.requestId = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.requestId = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.jobId = "";
                    d.attempt = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.offset = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.offset = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.follow = false;
                    d.cancel = false;
                }
                if (m.requestId != null && $Object.hasOwnProperty.call(m, "requestId")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.requestId = typeof m.requestId === "number" ? $BigInt(m.requestId) : $util.Long.fromBits(m.requestId.low >>> 0, m.requestId.high >>> 0, true).toBigInt();
                    else if (typeof m.requestId === "number")
                        d.requestId = o.longs === $String ? $String(m.requestId) : m.requestId;
                    else
                        d.requestId = o.longs === $String ? $util.Long.prototype.toString.call(m.requestId) : o.longs === $Number ? new $util.LongBits(m.requestId.low >>> 0, m.requestId.high >>> 0).toNumber(true) : m.requestId;
                }
                if (m.jobId != null && $Object.hasOwnProperty.call(m, "jobId")) {
                    d.jobId = m.jobId;
                }
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt")) {
                    d.attempt = m.attempt;
                }
                if (m.offset != null && $Object.hasOwnProperty.call(m, "offset")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.offset = typeof m.offset === "number" ? $BigInt(m.offset) : $util.Long.fromBits(m.offset.low >>> 0, m.offset.high >>> 0, true).toBigInt();
                    else if (typeof m.offset === "number")
                        d.offset = o.longs === $String ? $String(m.offset) : m.offset;
                    else
                        d.offset = o.longs === $String ? $util.Long.prototype.toString.call(m.offset) : o.longs === $Number ? new $util.LongBits(m.offset.low >>> 0, m.offset.high >>> 0).toNumber(true) : m.offset;
                }
                if (m.follow != null && $Object.hasOwnProperty.call(m, "follow")) {
                    d.follow = m.follow;
                }
                if (m.cancel != null && $Object.hasOwnProperty.call(m, "cancel")) {
                    d.cancel = m.cancel;
                }
                return d;
            };

            LogRequest.prototype.toJSON = function() {
                return LogRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return LogRequest;
        })();

        v1.SchedulerMessage = (function() {

            const SchedulerMessage = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            SchedulerMessage.prototype.desired = null;
            SchedulerMessage.prototype.logRequest = null;

            let $oneOfFields;

            $Object.defineProperty(SchedulerMessage.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["desired", "logRequest"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            SchedulerMessage.create = function(properties) {
                return new SchedulerMessage(properties);
            };

            SchedulerMessage.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.desired != null && $Object.hasOwnProperty.call(m, "desired"))
                    $root.tessera.v1.DesiredState.encode(m.desired, w.uint32(10).fork(), q + 1).ldelim();
                if (m.logRequest != null && $Object.hasOwnProperty.call(m, "logRequest"))
                    $root.tessera.v1.LogRequest.encode(m.logRequest, w.uint32(18).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            SchedulerMessage.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.SchedulerMessage();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.desired = $root.tessera.v1.DesiredState.decode(r, r.size(), $undefined, q + 1, m.desired);
                            m.body = "desired";
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.logRequest = $root.tessera.v1.LogRequest.decode(r, r.size(), $undefined, q + 1, m.logRequest);
                            m.body = "logRequest";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            SchedulerMessage.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.SchedulerMessage)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.SchedulerMessage: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.SchedulerMessage();
                if (d.desired != null) {
                    if (!$util.isObject(d.desired))
                        throw $TypeError(".tessera.v1.SchedulerMessage.desired: object expected");
                    m.desired = $root.tessera.v1.DesiredState.fromObject(d.desired, q + 1);
                }
                if (d.logRequest != null) {
                    if (!$util.isObject(d.logRequest))
                        throw $TypeError(".tessera.v1.SchedulerMessage.logRequest: object expected");
                    m.logRequest = $root.tessera.v1.LogRequest.fromObject(d.logRequest, q + 1);
                }
                return m;
            };

            SchedulerMessage.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (m.desired != null && $Object.hasOwnProperty.call(m, "desired")) {
                    d.desired = $root.tessera.v1.DesiredState.toObject(m.desired, o, q + 1);
                    if (o.oneofs)
                        d.body = "desired";
                }
                if (m.logRequest != null && $Object.hasOwnProperty.call(m, "logRequest")) {
                    d.logRequest = $root.tessera.v1.LogRequest.toObject(m.logRequest, o, q + 1);
                    if (o.oneofs)
                        d.body = "logRequest";
                }
                return d;
            };

            SchedulerMessage.prototype.toJSON = function() {
                return SchedulerMessage.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SchedulerMessage;
        })();

        v1.ListNodesRequest = (function() {

            const ListNodesRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ListNodesRequest.create = function(properties) {
                return new ListNodesRequest(properties);
            };

            ListNodesRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ListNodesRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.ListNodesRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    r.skipType(t & 7, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            ListNodesRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.ListNodesRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.ListNodesRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.tessera.v1.ListNodesRequest();
            };

            ListNodesRequest.toObject = function () {
                return {};
            };

            ListNodesRequest.prototype.toJSON = function() {
                return ListNodesRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ListNodesRequest;
        })();

        v1.NodeLease = (function() {

            const NodeLease = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            NodeLease.prototype.renewedUnixMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            NodeLease.prototype.expiresUnixMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            NodeLease.create = function(properties) {
                return new NodeLease(properties);
            };

            NodeLease.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.renewedUnixMs != null && $Object.hasOwnProperty.call(m, "renewedUnixMs") && (typeof m.renewedUnixMs === "object" ? m.renewedUnixMs.low || m.renewedUnixMs.high : m.renewedUnixMs !== 0))
                    w.uint32(8).int64(m.renewedUnixMs);
                if (m.expiresUnixMs != null && $Object.hasOwnProperty.call(m, "expiresUnixMs") && (typeof m.expiresUnixMs === "object" ? m.expiresUnixMs.low || m.expiresUnixMs.high : m.expiresUnixMs !== 0))
                    w.uint32(16).int64(m.expiresUnixMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            NodeLease.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.NodeLease();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.renewedUnixMs = v;
                            else
                                delete m.renewedUnixMs;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.expiresUnixMs = v;
                            else
                                delete m.expiresUnixMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            NodeLease.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.NodeLease)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.NodeLease: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.NodeLease();
                if (d.renewedUnixMs != null) {
                    if (typeof d.renewedUnixMs === "object" ? d.renewedUnixMs.low || d.renewedUnixMs.high : $Number(d.renewedUnixMs) !== 0) {
                        if ($util.Long)
                            m.renewedUnixMs = $util.Long.fromValue(d.renewedUnixMs, false);
                        else if (typeof d.renewedUnixMs === "string")
                            m.renewedUnixMs = $parseInt(d.renewedUnixMs, 10);
                        else if (typeof d.renewedUnixMs === "number")
                            m.renewedUnixMs = d.renewedUnixMs;
                        else if (typeof d.renewedUnixMs === "object")
                            m.renewedUnixMs = new $util.LongBits(d.renewedUnixMs.low >>> 0, d.renewedUnixMs.high >>> 0).toNumber();
                    }
                }
                if (d.expiresUnixMs != null) {
                    if (typeof d.expiresUnixMs === "object" ? d.expiresUnixMs.low || d.expiresUnixMs.high : $Number(d.expiresUnixMs) !== 0) {
                        if ($util.Long)
                            m.expiresUnixMs = $util.Long.fromValue(d.expiresUnixMs, false);
                        else if (typeof d.expiresUnixMs === "string")
                            m.expiresUnixMs = $parseInt(d.expiresUnixMs, 10);
                        else if (typeof d.expiresUnixMs === "number")
                            m.expiresUnixMs = d.expiresUnixMs;
                        else if (typeof d.expiresUnixMs === "object")
                            m.expiresUnixMs = new $util.LongBits(d.expiresUnixMs.low >>> 0, d.expiresUnixMs.high >>> 0).toNumber();
                    }
                }
                return m;
            };

            NodeLease.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.renewedUnixMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.renewedUnixMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.expiresUnixMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.expiresUnixMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.renewedUnixMs != null && $Object.hasOwnProperty.call(m, "renewedUnixMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.renewedUnixMs = typeof m.renewedUnixMs === "number" ? $BigInt(m.renewedUnixMs) : $util.Long.fromBits(m.renewedUnixMs.low >>> 0, m.renewedUnixMs.high >>> 0, false).toBigInt();
                    else if (typeof m.renewedUnixMs === "number")
                        d.renewedUnixMs = o.longs === $String ? $String(m.renewedUnixMs) : m.renewedUnixMs;
                    else
                        d.renewedUnixMs = o.longs === $String ? $util.Long.prototype.toString.call(m.renewedUnixMs) : o.longs === $Number ? new $util.LongBits(m.renewedUnixMs.low >>> 0, m.renewedUnixMs.high >>> 0).toNumber() : m.renewedUnixMs;
                }
                if (m.expiresUnixMs != null && $Object.hasOwnProperty.call(m, "expiresUnixMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.expiresUnixMs = typeof m.expiresUnixMs === "number" ? $BigInt(m.expiresUnixMs) : $util.Long.fromBits(m.expiresUnixMs.low >>> 0, m.expiresUnixMs.high >>> 0, false).toBigInt();
                    else if (typeof m.expiresUnixMs === "number")
                        d.expiresUnixMs = o.longs === $String ? $String(m.expiresUnixMs) : m.expiresUnixMs;
                    else
                        d.expiresUnixMs = o.longs === $String ? $util.Long.prototype.toString.call(m.expiresUnixMs) : o.longs === $Number ? new $util.LongBits(m.expiresUnixMs.low >>> 0, m.expiresUnixMs.high >>> 0).toNumber() : m.expiresUnixMs;
                }
                return d;
            };

            NodeLease.prototype.toJSON = function() {
                return NodeLease.toObject(this, $protobuf.util.toJSONOptions);
            };

            return NodeLease;
        })();

        v1.Node = (function() {

            const Node = function (p) {
                this.labels = {};
                this.gpus = [];
                this.observed = [];
                this.errors = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Node.prototype.name = "";
            Node.prototype.state = "";
            Node.prototype.labels = $util.emptyObject;
            Node.prototype.gpus = $util.emptyArray;
            Node.prototype.observed = $util.emptyArray;
            Node.prototype.generation = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Node.prototype.generationReached = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Node.prototype.lease = null;
            Node.prototype.errors = $util.emptyArray;
            Node.prototype.cpuMillis = 0;
            Node.prototype.memoryMib = 0;
            Node.prototype.capabilities = null;
            Node.prototype.address = "";

            Node.create = function(properties) {
                return new Node(properties);
            };

            Node.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(10).string(m.name);
                if (m.state != null && $Object.hasOwnProperty.call(m, "state") && m.state !== "")
                    w.uint32(18).string(m.state);
                if (m.labels != null && $Object.hasOwnProperty.call(m, "labels")) {
                    for (var ks = $Object.keys(m.labels), i = 0; i < ks.length; ++i) {
                        w.uint32(26).fork().uint32(10).string(ks[i]).uint32(18).string(m.labels[ks[i]]).ldelim();
                    }
                }
                if (m.gpus != null && m.gpus.length) {
                    for (var i = 0; i < m.gpus.length; ++i)
                        $root.tessera.v1.GpuInventory.encode(m.gpus[i], w.uint32(34).fork(), q + 1).ldelim();
                }
                if (m.observed != null && m.observed.length) {
                    for (var i = 0; i < m.observed.length; ++i)
                        $root.tessera.v1.GpuObserved.encode(m.observed[i], w.uint32(42).fork(), q + 1).ldelim();
                }
                if (m.generation != null && $Object.hasOwnProperty.call(m, "generation") && (typeof m.generation === "object" ? m.generation.low || m.generation.high : m.generation !== 0))
                    w.uint32(48).uint64(m.generation);
                if (m.generationReached != null && $Object.hasOwnProperty.call(m, "generationReached") && (typeof m.generationReached === "object" ? m.generationReached.low || m.generationReached.high : m.generationReached !== 0))
                    w.uint32(56).uint64(m.generationReached);
                if (m.lease != null && $Object.hasOwnProperty.call(m, "lease"))
                    $root.tessera.v1.NodeLease.encode(m.lease, w.uint32(66).fork(), q + 1).ldelim();
                if (m.errors != null && m.errors.length) {
                    for (var i = 0; i < m.errors.length; ++i)
                        w.uint32(74).string(m.errors[i]);
                }
                if (m.cpuMillis != null && $Object.hasOwnProperty.call(m, "cpuMillis") && m.cpuMillis !== 0)
                    w.uint32(80).uint32(m.cpuMillis);
                if (m.memoryMib != null && $Object.hasOwnProperty.call(m, "memoryMib") && m.memoryMib !== 0)
                    w.uint32(88).uint32(m.memoryMib);
                if (m.capabilities != null && $Object.hasOwnProperty.call(m, "capabilities"))
                    $root.tessera.v1.NodeCapabilities.encode(m.capabilities, w.uint32(98).fork(), q + 1).ldelim();
                if (m.address != null && $Object.hasOwnProperty.call(m, "address") && m.address !== "")
                    w.uint32(106).string(m.address);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Node.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, k, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.Node();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.state = v;
                            else
                                delete m.state;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (m.labels === $util.emptyObject)
                                m.labels = {};
                            var c2 = r.size() + r.pos;
                            if (c2 > r.len)
                                throw $RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            v = "";
                            while (r.pos < c2) {
                                var t2 = r.tag();
                                u = t2 & 7;
                                switch (t2 >>>= 3) {
                                case 1:
                                    if (u !== 2)
                                        break;
                                    k = r.stringVerify();
                                    continue;
                                case 2:
                                    if (u !== 2)
                                        break;
                                    v = r.stringVerify();
                                    continue;
                                }
                                r.skipType(u, q, t2);
                            }
                            if (r.pos !== c2)
                                throw $RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.labels, k);
                            m.labels[k] = v;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (!(m.gpus && m.gpus.length))
                                m.gpus = [];
                            m.gpus.push($root.tessera.v1.GpuInventory.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if (!(m.observed && m.observed.length))
                                m.observed = [];
                            m.observed.push($root.tessera.v1.GpuObserved.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.generation = v;
                            else
                                delete m.generation;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.generationReached = v;
                            else
                                delete m.generationReached;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            m.lease = $root.tessera.v1.NodeLease.decode(r, r.size(), $undefined, q + 1, m.lease);
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if (!(m.errors && m.errors.length))
                                m.errors = [];
                            m.errors.push(r.stringVerify());
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.cpuMillis = v;
                            else
                                delete m.cpuMillis;
                            continue;
                        }
                    case 11: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.memoryMib = v;
                            else
                                delete m.memoryMib;
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            m.capabilities = $root.tessera.v1.NodeCapabilities.decode(r, r.size(), $undefined, q + 1, m.capabilities);
                            continue;
                        }
                    case 13: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.address = v;
                            else
                                delete m.address;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            Node.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.Node)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.Node: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.Node();
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.state != null) {
                    if (typeof d.state !== "string" || d.state.length) {
                        m.state = $String(d.state);
                    }
                }
                if (d.labels) {
                    if (!$util.isObject(d.labels))
                        throw $TypeError(".tessera.v1.Node.labels: object expected");
                    m.labels = {};
                    for (var ks = $Object.keys(d.labels), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.labels, ks[i]);
                        m.labels[ks[i]] = $String(d.labels[ks[i]]);
                    }
                }
                if (d.gpus) {
                    if (!$Array.isArray(d.gpus))
                        throw $TypeError(".tessera.v1.Node.gpus: array expected");
                    m.gpus = $Array(d.gpus.length);
                    for (var i = 0; i < d.gpus.length; ++i) {
                        if (!$util.isObject(d.gpus[i]))
                            throw $TypeError(".tessera.v1.Node.gpus: object expected");
                        m.gpus[i] = $root.tessera.v1.GpuInventory.fromObject(d.gpus[i], q + 1);
                    }
                }
                if (d.observed) {
                    if (!$Array.isArray(d.observed))
                        throw $TypeError(".tessera.v1.Node.observed: array expected");
                    m.observed = $Array(d.observed.length);
                    for (var i = 0; i < d.observed.length; ++i) {
                        if (!$util.isObject(d.observed[i]))
                            throw $TypeError(".tessera.v1.Node.observed: object expected");
                        m.observed[i] = $root.tessera.v1.GpuObserved.fromObject(d.observed[i], q + 1);
                    }
                }
                if (d.generation != null) {
                    if (typeof d.generation === "object" ? d.generation.low || d.generation.high : $Number(d.generation) !== 0) {
                        if ($util.Long)
                            m.generation = $util.Long.fromValue(d.generation, true);
                        else if (typeof d.generation === "string")
                            m.generation = $parseInt(d.generation, 10);
                        else if (typeof d.generation === "number")
                            m.generation = d.generation;
                        else if (typeof d.generation === "object")
                            m.generation = new $util.LongBits(d.generation.low >>> 0, d.generation.high >>> 0).toNumber(true);
                    }
                }
                if (d.generationReached != null) {
                    if (typeof d.generationReached === "object" ? d.generationReached.low || d.generationReached.high : $Number(d.generationReached) !== 0) {
                        if ($util.Long)
                            m.generationReached = $util.Long.fromValue(d.generationReached, true);
                        else if (typeof d.generationReached === "string")
                            m.generationReached = $parseInt(d.generationReached, 10);
                        else if (typeof d.generationReached === "number")
                            m.generationReached = d.generationReached;
                        else if (typeof d.generationReached === "object")
                            m.generationReached = new $util.LongBits(d.generationReached.low >>> 0, d.generationReached.high >>> 0).toNumber(true);
                    }
                }
                if (d.lease != null) {
                    if (!$util.isObject(d.lease))
                        throw $TypeError(".tessera.v1.Node.lease: object expected");
                    m.lease = $root.tessera.v1.NodeLease.fromObject(d.lease, q + 1);
                }
                if (d.errors) {
                    if (!$Array.isArray(d.errors))
                        throw $TypeError(".tessera.v1.Node.errors: array expected");
                    m.errors = $Array(d.errors.length);
                    for (var i = 0; i < d.errors.length; ++i) {
                        m.errors[i] = $String(d.errors[i]);
                    }
                }
                if (d.cpuMillis != null) {
                    if ($Number(d.cpuMillis) !== 0) {
                        m.cpuMillis = d.cpuMillis >>> 0;
                    }
                }
                if (d.memoryMib != null) {
                    if ($Number(d.memoryMib) !== 0) {
                        m.memoryMib = d.memoryMib >>> 0;
                    }
                }
                if (d.capabilities != null) {
                    if (!$util.isObject(d.capabilities))
                        throw $TypeError(".tessera.v1.Node.capabilities: object expected");
                    m.capabilities = $root.tessera.v1.NodeCapabilities.fromObject(d.capabilities, q + 1);
                }
                if (d.address != null) {
                    if (typeof d.address !== "string" || d.address.length) {
                        m.address = $String(d.address);
                    }
                }
                return m;
            };

            Node.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.gpus = [];
                    d.observed = [];
                    d.errors = [];
                }
                if (o.objects || o.defaults) {
                    d.labels = {};
                }
                if (o.defaults) {
                    d.name = "";
                    d.state = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.generation = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.generation = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.generationReached = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.generationReached = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.lease = null;
                    d.cpuMillis = 0;
                    d.memoryMib = 0;
                    d.capabilities = null;
                    d.address = "";
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.state != null && $Object.hasOwnProperty.call(m, "state")) {
                    d.state = m.state;
                }
                var ks2;
                if (m.labels && (ks2 = $Object.keys(m.labels)).length) {
                    d.labels = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.labels, ks2[j]);
                        d.labels[ks2[j]] = m.labels[ks2[j]];
                    }
                }
                if (m.gpus && m.gpus.length) {
                    d.gpus = $Array(m.gpus.length);
                    for (var j = 0; j < m.gpus.length; ++j) {
                        d.gpus[j] = $root.tessera.v1.GpuInventory.toObject(m.gpus[j], o, q + 1);
                    }
                }
                if (m.observed && m.observed.length) {
                    d.observed = $Array(m.observed.length);
                    for (var j = 0; j < m.observed.length; ++j) {
                        d.observed[j] = $root.tessera.v1.GpuObserved.toObject(m.observed[j], o, q + 1);
                    }
                }
                if (m.generation != null && $Object.hasOwnProperty.call(m, "generation")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.generation = typeof m.generation === "number" ? $BigInt(m.generation) : $util.Long.fromBits(m.generation.low >>> 0, m.generation.high >>> 0, true).toBigInt();
                    else if (typeof m.generation === "number")
                        d.generation = o.longs === $String ? $String(m.generation) : m.generation;
                    else
                        d.generation = o.longs === $String ? $util.Long.prototype.toString.call(m.generation) : o.longs === $Number ? new $util.LongBits(m.generation.low >>> 0, m.generation.high >>> 0).toNumber(true) : m.generation;
                }
                if (m.generationReached != null && $Object.hasOwnProperty.call(m, "generationReached")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.generationReached = typeof m.generationReached === "number" ? $BigInt(m.generationReached) : $util.Long.fromBits(m.generationReached.low >>> 0, m.generationReached.high >>> 0, true).toBigInt();
                    else if (typeof m.generationReached === "number")
                        d.generationReached = o.longs === $String ? $String(m.generationReached) : m.generationReached;
                    else
                        d.generationReached = o.longs === $String ? $util.Long.prototype.toString.call(m.generationReached) : o.longs === $Number ? new $util.LongBits(m.generationReached.low >>> 0, m.generationReached.high >>> 0).toNumber(true) : m.generationReached;
                }
                if (m.lease != null && $Object.hasOwnProperty.call(m, "lease")) {
                    d.lease = $root.tessera.v1.NodeLease.toObject(m.lease, o, q + 1);
                }
                if (m.errors && m.errors.length) {
                    d.errors = $Array(m.errors.length);
                    for (var j = 0; j < m.errors.length; ++j) {
                        d.errors[j] = m.errors[j];
                    }
                }
                if (m.cpuMillis != null && $Object.hasOwnProperty.call(m, "cpuMillis")) {
                    d.cpuMillis = m.cpuMillis;
                }
                if (m.memoryMib != null && $Object.hasOwnProperty.call(m, "memoryMib")) {
                    d.memoryMib = m.memoryMib;
                }
                if (m.capabilities != null && $Object.hasOwnProperty.call(m, "capabilities")) {
                    d.capabilities = $root.tessera.v1.NodeCapabilities.toObject(m.capabilities, o, q + 1);
                }
                if (m.address != null && $Object.hasOwnProperty.call(m, "address")) {
                    d.address = m.address;
                }
                return d;
            };

            Node.prototype.toJSON = function() {
                return Node.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Node;
        })();

        v1.ListNodesResponse = (function() {

            const ListNodesResponse = function (p) {
                this.nodes = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ListNodesResponse.prototype.nodes = $util.emptyArray;

            ListNodesResponse.create = function(properties) {
                return new ListNodesResponse(properties);
            };

            ListNodesResponse.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.nodes != null && m.nodes.length) {
                    for (var i = 0; i < m.nodes.length; ++i)
                        $root.tessera.v1.Node.encode(m.nodes[i], w.uint32(10).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ListNodesResponse.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.ListNodesResponse();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.nodes && m.nodes.length))
                                m.nodes = [];
                            m.nodes.push($root.tessera.v1.Node.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            ListNodesResponse.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.ListNodesResponse)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.ListNodesResponse: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.ListNodesResponse();
                if (d.nodes) {
                    if (!$Array.isArray(d.nodes))
                        throw $TypeError(".tessera.v1.ListNodesResponse.nodes: array expected");
                    m.nodes = $Array(d.nodes.length);
                    for (var i = 0; i < d.nodes.length; ++i) {
                        if (!$util.isObject(d.nodes[i]))
                            throw $TypeError(".tessera.v1.ListNodesResponse.nodes: object expected");
                        m.nodes[i] = $root.tessera.v1.Node.fromObject(d.nodes[i], q + 1);
                    }
                }
                return m;
            };

            ListNodesResponse.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.nodes = [];
                }
                if (m.nodes && m.nodes.length) {
                    d.nodes = $Array(m.nodes.length);
                    for (var j = 0; j < m.nodes.length; ++j) {
                        d.nodes[j] = $root.tessera.v1.Node.toObject(m.nodes[j], o, q + 1);
                    }
                }
                return d;
            };

            ListNodesResponse.prototype.toJSON = function() {
                return ListNodesResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ListNodesResponse;
        })();

        v1.RemoveNodeRequest = (function() {

            const RemoveNodeRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            RemoveNodeRequest.prototype.name = "";

            RemoveNodeRequest.create = function(properties) {
                return new RemoveNodeRequest(properties);
            };

            RemoveNodeRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(10).string(m.name);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            RemoveNodeRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.RemoveNodeRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            RemoveNodeRequest.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.RemoveNodeRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.RemoveNodeRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.RemoveNodeRequest();
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                return m;
            };

            RemoveNodeRequest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.name = "";
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                return d;
            };

            RemoveNodeRequest.prototype.toJSON = function() {
                return RemoveNodeRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return RemoveNodeRequest;
        })();

        v1.RemoveNodeResponse = (function() {

            const RemoveNodeResponse = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            RemoveNodeResponse.prototype.node = null;

            RemoveNodeResponse.create = function(properties) {
                return new RemoveNodeResponse(properties);
            };

            RemoveNodeResponse.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.node != null && $Object.hasOwnProperty.call(m, "node"))
                    $root.tessera.v1.Node.encode(m.node, w.uint32(10).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            RemoveNodeResponse.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.RemoveNodeResponse();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.node = $root.tessera.v1.Node.decode(r, r.size(), $undefined, q + 1, m.node);
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            RemoveNodeResponse.fromObject = function (d, q) {
                if (d instanceof $root.tessera.v1.RemoveNodeResponse)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".tessera.v1.RemoveNodeResponse: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.tessera.v1.RemoveNodeResponse();
                if (d.node != null) {
                    if (!$util.isObject(d.node))
                        throw $TypeError(".tessera.v1.RemoveNodeResponse.node: object expected");
                    m.node = $root.tessera.v1.Node.fromObject(d.node, q + 1);
                }
                return m;
            };

            RemoveNodeResponse.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.node = null;
                }
                if (m.node != null && $Object.hasOwnProperty.call(m, "node")) {
                    d.node = $root.tessera.v1.Node.toObject(m.node, o, q + 1);
                }
                return d;
            };

            RemoveNodeResponse.prototype.toJSON = function() {
                return RemoveNodeResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return RemoveNodeResponse;
        })();

        return v1;
    })();

    return tessera;
})();

export {
  $root as default
};
